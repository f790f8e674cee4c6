import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * broadcast_deliveries.claim_token: broadcasts claim their recipients in batches, one UPDATE for many rows
 * (`pending` -> `sending`). The UPDATE's affected-row count says how many rows a sender got; when it got
 * fewer than it asked for (another run of the same range took some), the token set by that UPDATE says
 * which: SELECT user_id ... WHERE broadcast_id = ? AND user_id IN (...) AND claim_token = ? (PRIMARY, const
 * per id). A nullable column without a default: an instant ALTER on MariaDB, whatever the table's size.
 */
export class DeliveryClaimToken1764200018000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE broadcast_deliveries ADD COLUMN claim_token CHAR(12) CHARACTER SET ascii NULL AFTER attempts',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE broadcast_deliveries DROP COLUMN claim_token');
  }
}
