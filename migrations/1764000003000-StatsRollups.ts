import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/*
 * Stats over long periods (a year of 1 000 000 codes) counted by scanning took 1.5-2.5 s. Two changes:
 *
 * 1. Daily rollups of the code-side figures (codes issued and redeemed by reason, redemptions by reason and
 *    by source), per shop day, built by a background job (RefreshStatsRollupHandler) for the days that are
 *    over: hourly on top of the previous generation, from scratch once a day (`rebuilt_at`).
 *    A stats request reads the rollup for its closed days and counts only the rest live (today). A rollup is
 *    a generation: `stats_rollups` says which days it covers (`covered_until`, a shop midnight in UTC), the
 *    shop-time offset it was cut with, and the `cutoff` up to which first redemptions of its codes are
 *    counted; `stats_rollup_days` holds its figures. Readers use the newest complete, valid generation with
 *    the shop's current offset; old generations are deleted a while after a newer one completes.
 *      - current rollup: WHERE offset_minutes = ? AND completed_at IS NOT NULL AND invalidated_at IS NULL
 *        AND cutoff <= now ORDER BY cutoff DESC LIMIT 1 (a handful of rows: older generations are pruned)
 *      - figures: WHERE rollup_id = ? AND metric = ? AND day BETWEEN ? AND ? => PRIMARY range
 *
 * 2. The client-side figures stay live (they are "now" figures: subscribed, birthday set), with a covering
 *    index so a year of registrations and the all-time total are index-only range scans:
 *      - WHERE is_test = 0 AND created_at [range] AND status IN (...): SUM(is_subscribed),
 *        SUM(birth_date IS NOT NULL), COUNT(referred_by_user_id), GROUP BY source or shop day.
 */
export class StatsRollups1764000003000 implements MigrationInterface {
  name = 'StatsRollups1764000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE stats_rollups (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT,
        offset_minutes SMALLINT NOT NULL,
        covered_until DATETIME(3) NOT NULL,
        cutoff DATETIME(3) NOT NULL,
        based_on_rollup_id INT UNSIGNED NULL,
        rebuilt_at DATETIME(3) NOT NULL,
        started_at DATETIME(3) NOT NULL,
        completed_at DATETIME(3) NULL,
        invalidated_at DATETIME(3) NULL,
        PRIMARY KEY (id)
      ) ${TABLE_OPTIONS}`,
    );
    await queryRunner.query(
      `CREATE TABLE stats_rollup_days (
        rollup_id INT UNSIGNED NOT NULL,
        metric VARCHAR(32) NOT NULL,
        day DATE NOT NULL,
        dimension VARCHAR(64) NOT NULL,
        value INT UNSIGNED NOT NULL,
        PRIMARY KEY (rollup_id, metric, day, dimension),
        CONSTRAINT fk_stats_rollup_days_rollup FOREIGN KEY (rollup_id)
          REFERENCES stats_rollups (id) ON DELETE CASCADE ON UPDATE RESTRICT
      ) ${TABLE_OPTIONS}`,
    );
    await queryRunner.query(
      `ALTER TABLE users ADD KEY idx_users_is_test_created_at_stats
         (is_test, created_at, status, source, is_subscribed, birth_date, referred_by_user_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users DROP KEY idx_users_is_test_created_at_stats');
    await queryRunner.query('DROP TABLE stats_rollup_days');
    await queryRunner.query('DROP TABLE stats_rollups');
  }
}
