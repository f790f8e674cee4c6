import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * GET /api/v1/users (bench/users-list.ts: 100 000 clients, 100 000 codes). The list runs two queries side by
 * side over the same WHERE: the page of ids (ORDER BY <sort>, id LIMIT n) and COUNT(*) for `total`.
 * EXPLAIN / ANALYZE on MariaDB 10.11 in the bench's database, before and after this migration:
 *
 * 1. Sorting by a name, the username or the birth date read every matching row and sorted it:
 *      SELECT u.id FROM users u WHERE (u.status IN ('active') AND u.is_test = 0)
 *       ORDER BY u.first_name ASC, u.id ASC LIMIT 20
 *      before: range on idx_users_status_is_test_created_at, 89 276 rows, Using index condition;
 *              Using filesort (165-220 ms); username the same (165 ms); birth_date: ref on
 *              idx_users_is_test_created_at_stats, 99 047 rows, Using where; Using index;
 *              Using filesort (28 ms)
 *      after:  ref on idx_users_status_is_test_<field> (status, is_test), Using where; Using index, no
 *              filesort: 20 index entries read (0.04 ms), either direction (DESC scans backwards)
 *    An InnoDB secondary index ends with the primary key, so (status, is_test, field) is ordered by
 *    (field, id): the tie-break the list adds. A status list of several values (status=active,blocked)
 *    still sorts. The default -createdAt already had idx_users_status_is_test_created_at; `id` needs no
 *    index (the primary key in order, 9 rows in 10 match), nor `lastActivityAt`: the default filter reads
 *    idx_users_last_activity_at in order and stops after about 26 rows (a second index on that column would
 *    be written on every message a client sends).
 *
 * 2. hasActiveDiscount is the segment compiler's EXISTS: status 'active', suspended_at IS NULL, expires_at
 *    NULL or later than now (a code past expires_at is expired even while its status still says active).
 *    MariaDB turns it into a semi-join and materialises the subquery (the clients holding a usable code)
 *    once per query, for the page as for the count:
 *      SELECT COUNT(*) FROM users u WHERE (u.status IN ('active') AND u.is_test = 0 AND EXISTS (SELECT 1
 *        FROM discounts ad WHERE ad.user_id = u.id AND ad.status = 'active' AND ad.suspended_at IS NULL
 *        AND (ad.expires_at IS NULL OR ad.expires_at > ?)))
 *      before: MATERIALIZED ad ref on idx_discounts_status_expires_at (status), Using index condition;
 *              Using where: 37 509 entries and a row read each for suspended_at; u ref on
 *              idx_users_status_is_test_created_at, 89 276 rows, eq_ref <subquery2> (count 85-130 ms,
 *              page of 20 60 ms)
 *      after:  MATERIALIZED ad range on idx_discounts_status_suspended_expires_user (status, suspended_at,
 *              expires_at), Using where; Using index: the usable codes' entries only, no row read
 *              (count 41-47 ms, page 14 ms)
 *    NOT EXISTS (hasActiveDiscount=false) reads the same index, range, Using index (count 90 -> 45 ms).
 *    A per-client probe on (user_id, status, suspended_at, expires_at) was tried: MariaDB does not choose it
 *    (it costs the semi-join without the LIMIT), and forced it is slower for the count (89 276 probes).
 *    The other queries on discounts keep their indexes (expiry job, "my discounts", the codes list).
 *
 * Not helped by an index: the default list's page reads 20 index entries (0.05 ms), its exact COUNT(*)
 * reads all 89 276 matching entries, Using index (13 ms; it now takes the narrower
 * idx_users_status_is_test_birth_date): that count is the list's cost. tags: JSON_CONTAINS on every row
 * for the count (45 ms, a full scan); MariaDB has no index on JSON array members.
 */
export class UsersListIndexes1764000004000 implements MigrationInterface {
  name = 'UsersListIndexes1764000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE users
         ADD KEY idx_users_status_is_test_first_name (status, is_test, first_name),
         ADD KEY idx_users_status_is_test_username (status, is_test, username),
         ADD KEY idx_users_status_is_test_birth_date (status, is_test, birth_date)`,
    );
    await queryRunner.query(
      `ALTER TABLE discounts
         ADD KEY idx_discounts_status_suspended_expires_user (status, suspended_at, expires_at, user_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE discounts DROP KEY idx_discounts_status_suspended_expires_user');
    await queryRunner.query(
      `ALTER TABLE users
         DROP KEY idx_users_status_is_test_first_name,
         DROP KEY idx_users_status_is_test_username,
         DROP KEY idx_users_status_is_test_birth_date`,
    );
  }
}
