import { DataSource } from 'typeorm';
import { Row } from './demo-shop';

/** Inserts rows with multi-row INSERTs of `batch` rows; the columns are those of the first row. */
export async function insertRows(
  dataSource: DataSource,
  table: string,
  rows: Row[],
  batch = 1000,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    await dataSource.query(
      `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}`,
      chunk.flatMap((row) => columns.map((column) => row[column])),
    );
  }
}
