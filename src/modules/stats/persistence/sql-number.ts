/** COUNT/SUM columns come back from mysql2 as strings or numbers (or null for an empty SUM). */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
