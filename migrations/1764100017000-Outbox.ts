import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The transactional outbox (docs/OUTBOX.md):
 * - outbox_events: one row per fact (a code redeemed, a client deleted, ...), written in the transaction of
 *   the change it records. event_id is the fact's public id (a uuid: an integrator's webhook will carry it);
 *   payload is the fact as JSON; request_id and ip say what caused it (the audit row has them too).
 * - outbox_deliveries: one row per fact and consumer that must act on it (the referral reward, a client
 *   notice, ...), the consumer's own progress: pending until done, retried with backoff, failed after the
 *   last attempt (visible to an owner, retried by hand). A dispatcher claims due rows by a lease
 *   (locked_until, lease), so two dispatchers never run one delivery at once and a crashed one's lease runs
 *   out. EXPLAIN of the claim (status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at):
 *   range on idx_outbox_deliveries_due. Done rows are deleted after a week (the dispatcher's clean-up).
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Outbox1764100017000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE outbox_events (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
        event_id CHAR(36) NOT NULL,
        type VARCHAR(64) NOT NULL,
        payload LONGTEXT NOT NULL CHECK (JSON_VALID(payload)),
        request_id VARCHAR(64) NULL,
        ip VARCHAR(45) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_outbox_events_event_id (event_id),
        -- clean-up of old facts, and an integrator's feed read by time
        KEY idx_outbox_events_created_at (created_at)
      ) ${TABLE_OPTIONS}`,
    );
    await queryRunner.query(
      `CREATE TABLE outbox_deliveries (
        event_id CHAR(36) NOT NULL,
        consumer VARCHAR(64) NOT NULL,
        status ENUM('pending', 'done', 'failed') NOT NULL DEFAULT 'pending',
        attempts INT UNSIGNED NOT NULL DEFAULT 0,
        -- failed attempts that met a dependency outage: they back off but do not count towards the limit
        outages INT UNSIGNED NOT NULL DEFAULT 0,
        next_attempt_at DATETIME(3) NOT NULL,
        locked_until DATETIME(3) NULL,
        lease CHAR(36) NULL,
        last_error VARCHAR(2000) NULL,
        done_at DATETIME(3) NULL,
        PRIMARY KEY (event_id, consumer),
        -- the dispatcher's claim of due rows
        KEY idx_outbox_deliveries_due (status, next_attempt_at),
        -- the rows a dispatcher just claimed
        KEY idx_outbox_deliveries_lease (lease),
        CONSTRAINT fk_outbox_deliveries_event FOREIGN KEY (event_id) REFERENCES outbox_events (event_id)
          ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbox_deliveries');
    await queryRunner.query('DROP TABLE outbox_events');
  }
}
