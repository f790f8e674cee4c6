import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Two tables for surviving outages (docs/RESILIENCE.md):
 * - telegram_failed_updates: a Telegram update whose handling failed with a bug (not an outage: those are
 *   delivered again by Telegram). One row per bot and update_id, for an owner to read; a later failure of
 *   the same update overwrites the error. Written rarely, read by hand.
 * - admin_revoked_tokens: the logout deny-list, kept in the database so that losing Redis's data never
 *   brings a logged-out token back. The guard reads it by primary key (jti) on every admin request:
 *   EXPLAIN: const on PRIMARY, 1 row. Rows past expires_at are deleted at the next logout
 *   (idx_admin_revoked_tokens_expires_at, range).
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class FailedUpdatesAndRevokedTokens1764100016000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE telegram_failed_updates (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        bot VARCHAR(16) NOT NULL,
        update_id BIGINT NOT NULL,
        \`update\` LONGTEXT NOT NULL CHECK (JSON_VALID(\`update\`)),
        error VARCHAR(2000) NOT NULL,
        failures INT UNSIGNED NOT NULL DEFAULT 1,
        failed_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        -- one row per update of a bot (INSERT ... ON DUPLICATE KEY UPDATE)
        UNIQUE KEY uq_telegram_failed_updates_bot_update_id (bot, update_id)
      ) ${TABLE_OPTIONS}`,
    );
    await queryRunner.query(
      `CREATE TABLE admin_revoked_tokens (
        jti CHAR(36) NOT NULL,
        admin_id INT UNSIGNED NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        PRIMARY KEY (jti),
        -- clean-up of rows whose token has expired anyway
        KEY idx_admin_revoked_tokens_expires_at (expires_at)
      ) ${TABLE_OPTIONS}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE admin_revoked_tokens');
    await queryRunner.query('DROP TABLE telegram_failed_updates');
  }
}
