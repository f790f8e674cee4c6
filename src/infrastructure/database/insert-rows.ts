import { DataSource } from 'typeorm';

/** One row to insert: column name to value. */
export type InsertRow = Record<string, string | number | Date | null>;

/**
 * Inserts rows with multi-row INSERTs of `batch` rows; the columns are those of the first row.
 * `onDuplicate`: an `ON DUPLICATE KEY UPDATE` assignment list for rows whose key is already there.
 */
export async function insertRows(
  dataSource: DataSource,
  table: string,
  rows: InsertRow[],
  options: { batch?: number; onDuplicate?: string } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const { batch = 1000, onDuplicate } = options;
  const columns = Object.keys(rows[0]);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const upsert = onDuplicate ? ` ON DUPLICATE KEY UPDATE ${onDuplicate}` : '';
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch);
    await dataSource.query(
      `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}${upsert}`,
      chunk.flatMap((row) => columns.map((column) => row[column])),
    );
  }
}
