import type { DataSource } from 'typeorm';
import type { BotName } from './bot-name';

const INSERT_SQL = `
  INSERT INTO telegram_failed_updates (bot, update_id, \`update\`, error, failures, failed_at)
  VALUES (?, ?, ?, ?, 1, ?)
  ON DUPLICATE KEY UPDATE error = VALUES(error), failures = failures + 1, failed_at = VALUES(failed_at)`;

/** What is kept of the error: its name, message and the top of its stack, within the column's 2000. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 2000);
  return (error.stack ?? `${error.name}: ${error.message}`).slice(0, 2000);
}

/**
 * Updates whose handling failed with a bug, in telegram_failed_updates (one row per bot and update), where
 * an owner finds them: the update as Telegram sent it, the error, how often it failed and when last.
 */
export class FailedUpdates {
  constructor(private readonly dataSource: DataSource) {}

  /** Throws when the database is unavailable (the update is then delivered again and recorded later). */
  async record(bot: BotName, update: { update_id: number }, error: unknown, at: Date): Promise<void> {
    await this.dataSource.query(INSERT_SQL, [
      bot,
      update.update_id,
      JSON.stringify(update),
      describe(error),
      at,
    ]);
  }
}
