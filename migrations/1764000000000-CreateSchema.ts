import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The whole schema of SPEC section 2, written by hand so it reads the same on MySQL 8 and MariaDB 10.11:
 * InnoDB, utf8mb4_unicode_ci, times DATETIME(3) in UTC (the app's connections run with time_zone '+00:00').
 * JSON is native on MySQL 8 and LONGTEXT + CHECK (JSON_VALID) on MariaDB: both read and write the same.
 * Each secondary index carries a comment naming the query it serves; single-column FK columns without one
 * get the index InnoDB creates itself (named after the constraint).
 * Booleans are TINYINT 0/1 (TypeORM `boolean`), without a display width: TypeORM reads TINYINT(1) back as a
 * width change on MariaDB, and MySQL 8 no longer reports widths at all.
 * Reserved words used as column names: `key`, `usage` (quote them in raw SQL).
 *
 * EXPLAIN of the hot queries (MariaDB 10.11; 100 000 users, 300 000 codes, one 100 000-recipient broadcast):
 * - code check: WHERE code = ?  => const on uq_discounts_code, 1 row
 * - birthday job: WHERE birth_month = 2 AND birth_day IN (28, 29) AND status = 'active' AND is_test = 0
 *   => range on idx_users_birth_month_birth_day, 210 rows
 * - my discounts: WHERE user_id = ? AND status = 'active' ORDER BY created_at DESC
 *   => ref on idx_discounts_user_status_created_at, 1 row, no filesort
 * - expiry job: WHERE status = 'active' AND expires_at < NOW(3)  => range on idx_discounts_status_expires_at,
 *   covering
 * - delivery chunk: WHERE broadcast_id = ? AND status = 'pending' ORDER BY user_id LIMIT 1000
 *   => ref on idx_broadcast_deliveries_broadcast_status, covering, no filesort
 * - users list: WHERE status = 'active' AND is_test = 0 ORDER BY created_at DESC LIMIT 20
 *   => range on idx_users_status_is_test_created_at, no filesort
 *
 * The entities under src/modules/<feature>/persistence mirror this file; the migrations e2e test proves
 * TypeORM sees no difference between the two.
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

const CREATE_TABLES: ReadonlyArray<readonly [table: string, body: string]> = [
  [
    'admins',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    username VARCHAR(64) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    telegram_id BIGINT NULL,
    role ENUM('owner', 'marketing', 'readonly') NOT NULL,
    is_active TINYINT NOT NULL DEFAULT 1,
    last_login_at DATETIME(3) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- login by username (case-insensitive through the collation)
    UNIQUE KEY uq_admins_username (username),
    -- staff bot: which admin is writing (/login, /link)
    UNIQUE KEY uq_admins_telegram_id (telegram_id)`,
  ],
  [
    'users',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    telegram_id BIGINT NULL,
    telegram_id_hash CHAR(64) NULL,
    username VARCHAR(64) NULL,
    first_name VARCHAR(128) NULL,
    last_name VARCHAR(128) NULL,
    language_code VARCHAR(16) NULL,
    source VARCHAR(64) NOT NULL DEFAULT 'direct',
    birth_date DATE NULL,
    birth_month TINYINT GENERATED ALWAYS AS (MONTH(birth_date)) STORED,
    birth_day TINYINT GENERATED ALWAYS AS (DAYOFMONTH(birth_date)) STORED,
    birth_date_set_at DATETIME(3) NULL,
    is_subscribed TINYINT NOT NULL DEFAULT 0,
    subscription_checked_at DATETIME(3) NULL,
    status ENUM('active', 'blocked', 'deleted') NOT NULL DEFAULT 'active',
    blocked_at DATETIME(3) NULL,
    tags JSON NOT NULL,
    notes TEXT NULL,
    last_activity_at DATETIME(3) NULL,
    referral_code VARCHAR(16) NULL,
    referred_by_user_id INT UNSIGNED NULL,
    is_test TINYINT NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- every bot update: WHERE telegram_id = ?
    UNIQUE KEY uq_users_telegram_id (telegram_id),
    -- /start ref_<code>: WHERE referral_code = ?
    UNIQUE KEY uq_users_referral_code (referral_code),
    -- admin list and KPIs: WHERE status = ? AND is_test = ? [AND created_at range] ORDER BY created_at;
    -- broadcasts to all: WHERE status = 'active' AND is_test = 0
    KEY idx_users_status_is_test_created_at (status, is_test, created_at),
    -- admin list filter and sort by last activity; segment "no visit in N days"
    KEY idx_users_last_activity_at (last_activity_at),
    -- admin filter by source; GET /stats/sources: registrations by source in a period
    KEY idx_users_source_created_at (source, created_at),
    -- referrals: who did this client invite (WHERE referred_by_user_id = ?); also the FK's index
    KEY idx_users_referred_by_user_id (referred_by_user_id),
    -- daily birthday job: WHERE birth_month = ? AND birth_day = ? (29 Feb => also 28 Feb in other years);
    -- admin filter by birthday month: WHERE birth_month = ?
    KEY idx_users_birth_month_birth_day (birth_month, birth_day),
    -- /start of an unknown Telegram id: was this person a client before (WHERE telegram_id_hash = ?)
    KEY idx_users_telegram_id_hash (telegram_id_hash),
    CONSTRAINT fk_users_referred_by_user FOREIGN KEY (referred_by_user_id)
      REFERENCES users (id) ON DELETE SET NULL ON UPDATE RESTRICT`,
  ],
  [
    'cashiers',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    telegram_id BIGINT NOT NULL,
    full_name VARCHAR(128) NOT NULL,
    status ENUM('pending', 'approved', 'rejected', 'revoked') NOT NULL DEFAULT 'pending',
    decided_by_admin_id INT UNSIGNED NULL,
    decided_at DATETIME(3) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- every staff bot update: WHERE telegram_id = ?
    UNIQUE KEY uq_cashiers_telegram_id (telegram_id),
    -- cashier list by status; KPI "active cashiers": WHERE status = 'approved'
    KEY idx_cashiers_status (status),
    CONSTRAINT fk_cashiers_decided_by_admin FOREIGN KEY (decided_by_admin_id)
      REFERENCES admins (id) ON DELETE SET NULL ON UPDATE RESTRICT`,
  ],
  [
    'discount_templates',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    name VARCHAR(128) NOT NULL,
    purpose ENUM('subscription', 'birthday', 'manual') NOT NULL,
    kind ENUM('percent', 'fixed') NOT NULL,
    value INT UNSIGNED NOT NULL,
    \`usage\` ENUM('single', 'shared') NOT NULL DEFAULT 'single',
    max_redemptions INT UNSIGNED NULL,
    valid_days INT UNSIGNED NULL,
    recurrence ENUM('none', 'yearly', 'every_n_days') NOT NULL DEFAULT 'none',
    recurrence_days INT UNSIGNED NULL,
    min_purchase INT UNSIGNED NULL,
    description VARCHAR(1024) NULL,
    is_active TINYINT NOT NULL DEFAULT 1,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT chk_discount_templates_value CHECK (value > 0 AND (kind <> 'percent' OR value <= 100)),
    CONSTRAINT chk_discount_templates_recurrence_days
      CHECK (recurrence <> 'every_n_days' OR recurrence_days > 0)`,
  ],
  [
    'discounts',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    code VARCHAR(16) NOT NULL,
    template_id INT UNSIGNED NOT NULL,
    user_id INT UNSIGNED NULL,
    kind ENUM('percent', 'fixed') NOT NULL,
    value INT UNSIGNED NOT NULL,
    status ENUM('active', 'used', 'expired', 'revoked') NOT NULL DEFAULT 'active',
    reason ENUM('subscription', 'birthday', 'manual', 'bulk', 'referral') NOT NULL,
    period_key VARCHAR(32) NULL,
    issued_by_admin_id INT UNSIGNED NULL,
    valid_from DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    expires_at DATETIME(3) NULL,
    used_at DATETIME(3) NULL,
    suspended_at DATETIME(3) NULL,
    redemption_count INT UNSIGNED NOT NULL DEFAULT 0,
    max_redemptions INT UNSIGNED NULL,
    is_test TINYINT NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- check / redeem a code (staff bot, POS, admin): WHERE code = ? (case-insensitive collation)
    UNIQUE KEY uq_discounts_code (code),
    -- one gift per client and period, even from two schedulers: INSERT fails on a duplicate;
    -- "has this client had this template already": WHERE user_id = ? AND template_id = ?
    UNIQUE KEY uq_discounts_user_template_period (user_id, template_id, period_key),
    -- "my discounts": WHERE user_id = ? AND status = 'active' ORDER BY created_at DESC
    KEY idx_discounts_user_status_created_at (user_id, status, created_at),
    -- hourly expiry job: UPDATE ... WHERE status = 'active' AND expires_at < NOW(3)
    KEY idx_discounts_status_expires_at (status, expires_at),
    -- template in use? (delete vs deactivate); admin list filter by template; also the FK's index
    KEY idx_discounts_template_id (template_id),
    -- KPIs: codes issued by reason in a period (WHERE reason = ? AND created_at BETWEEN ...)
    KEY idx_discounts_reason_created_at (reason, created_at),
    -- KPIs and daily series without test data: WHERE is_test = 0 AND created_at BETWEEN ...
    KEY idx_discounts_is_test_created_at (is_test, created_at),
    CONSTRAINT fk_discounts_template FOREIGN KEY (template_id)
      REFERENCES discount_templates (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_discounts_user FOREIGN KEY (user_id)
      REFERENCES users (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_discounts_issued_by_admin FOREIGN KEY (issued_by_admin_id)
      REFERENCES admins (id) ON DELETE SET NULL ON UPDATE RESTRICT,
    CONSTRAINT chk_discounts_value CHECK (value > 0 AND (kind <> 'percent' OR value <= 100))`,
  ],
  [
    'discount_usage_logs',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    discount_id INT UNSIGNED NULL,
    user_id INT UNSIGNED NULL,
    cashier_id INT UNSIGNED NULL,
    channel ENUM('staff_bot', 'pos', 'admin') NOT NULL,
    action ENUM('validated', 'redeemed', 'rejected') NOT NULL,
    reject_code VARCHAR(64) NULL,
    purchase_amount INT UNSIGNED NULL,
    discount_amount INT UNSIGNED NULL,
    terminal_id VARCHAR(64) NULL,
    idempotency_key VARCHAR(128) NULL,
    response JSON NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- POS retry: WHERE channel = 'pos' AND idempotency_key = ? (and the INSERT that loses a race fails)
    UNIQUE KEY uq_discount_usage_logs_channel_idempotency_key (channel, idempotency_key),
    -- «уже погашен» with the time of the first redemption: WHERE discount_id = ? AND action = 'redeemed';
    -- usage log of a code; also the FK's index
    KEY idx_discount_usage_logs_discount_action (discount_id, action),
    -- user card: redemptions of a client (WHERE user_id = ?); referral reward on the first redemption
    KEY idx_discount_usage_logs_user_id (user_id),
    -- usage log list by cashier in a period; also the FK's index
    KEY idx_discount_usage_logs_cashier_created_at (cashier_id, created_at),
    -- KPIs and daily series: redemptions in a period (WHERE created_at BETWEEN ...); usage log list
    KEY idx_discount_usage_logs_created_at (created_at),
    CONSTRAINT fk_discount_usage_logs_discount FOREIGN KEY (discount_id)
      REFERENCES discounts (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_discount_usage_logs_user FOREIGN KEY (user_id)
      REFERENCES users (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_discount_usage_logs_cashier FOREIGN KEY (cashier_id)
      REFERENCES cashiers (id) ON DELETE SET NULL ON UPDATE RESTRICT`,
  ],
  [
    'segments',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    name VARCHAR(128) NOT NULL,
    description VARCHAR(1024) NULL,
    filter JSON NOT NULL,
    is_system TINYINT NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- names are unique (SPEC 2); lookup by name
    UNIQUE KEY uq_segments_name (name)`,
  ],
  [
    'broadcasts',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    title VARCHAR(255) NOT NULL,
    content_type ENUM('text', 'photo', 'video') NOT NULL DEFAULT 'text',
    text TEXT NULL,
    media VARCHAR(1024) NULL,
    buttons JSON NULL,
    segment_id INT UNSIGNED NULL,
    status ENUM('draft', 'scheduled', 'sending', 'sent', 'cancelled', 'failed') NOT NULL DEFAULT 'draft',
    scheduled_at DATETIME(3) NULL,
    started_at DATETIME(3) NULL,
    finished_at DATETIME(3) NULL,
    cancelled_at DATETIME(3) NULL,
    created_by_admin_id INT UNSIGNED NULL,
    target_count INT UNSIGNED NOT NULL DEFAULT 0,
    sent_count INT UNSIGNED NOT NULL DEFAULT 0,
    failed_count INT UNSIGNED NOT NULL DEFAULT 0,
    blocked_count INT UNSIGNED NOT NULL DEFAULT 0,
    is_test TINYINT NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- each minute: WHERE status = 'scheduled' AND scheduled_at <= NOW(3); list filter by status
    KEY idx_broadcasts_status_scheduled_at (status, scheduled_at),
    CONSTRAINT fk_broadcasts_segment FOREIGN KEY (segment_id)
      REFERENCES segments (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_broadcasts_created_by_admin FOREIGN KEY (created_by_admin_id)
      REFERENCES admins (id) ON DELETE SET NULL ON UPDATE RESTRICT`,
  ],
  [
    'broadcast_deliveries',
    `broadcast_id INT UNSIGNED NOT NULL,
    user_id INT UNSIGNED NOT NULL,
    status ENUM('pending', 'sending', 'sent', 'failed', 'blocked', 'unknown') NOT NULL DEFAULT 'pending',
    attempts INT UNSIGNED NOT NULL DEFAULT 0,
    telegram_message_id BIGINT NULL,
    error_code VARCHAR(64) NULL,
    sent_at DATETIME(3) NULL,
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    -- one row per recipient: INSERT IGNORE while resolving the segment, UPDATE ... WHERE broadcast_id = ?
    -- AND user_id = ? AND status = 'pending' before each send
    PRIMARY KEY (broadcast_id, user_id),
    -- chunk jobs: WHERE broadcast_id = ? AND status = 'pending' ORDER BY user_id LIMIT n (the PK rides
    -- along in InnoDB); stats: GROUP BY status; crash sweep: status = 'sending' AND updated_at < ?
    KEY idx_broadcast_deliveries_broadcast_status (broadcast_id, status),
    CONSTRAINT fk_broadcast_deliveries_broadcast FOREIGN KEY (broadcast_id)
      REFERENCES broadcasts (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_broadcast_deliveries_user FOREIGN KEY (user_id)
      REFERENCES users (id) ON DELETE RESTRICT ON UPDATE RESTRICT`,
  ],
  [
    'message_templates',
    `id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    \`key\` VARCHAR(64) NOT NULL,
    text TEXT NOT NULL,
    description VARCHAR(1024) NULL,
    updated_by_admin_id INT UNSIGNED NULL,
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- every bot reply: WHERE \`key\` = ?
    UNIQUE KEY uq_message_templates_key (\`key\`),
    CONSTRAINT fk_message_templates_updated_by_admin FOREIGN KEY (updated_by_admin_id)
      REFERENCES admins (id) ON DELETE SET NULL ON UPDATE RESTRICT`,
  ],
  [
    'settings',
    `\`key\` VARCHAR(64) NOT NULL,
    value JSON NULL,
    updated_by_admin_id INT UNSIGNED NULL,
    updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (\`key\`),
    CONSTRAINT fk_settings_updated_by_admin FOREIGN KEY (updated_by_admin_id)
      REFERENCES admins (id) ON DELETE SET NULL ON UPDATE RESTRICT`,
  ],
  [
    'audit_logs',
    `id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    actor_type ENUM('admin', 'cashier', 'client', 'pos', 'system') NOT NULL,
    actor_id VARCHAR(64) NULL,
    action VARCHAR(64) NOT NULL,
    entity_type VARCHAR(64) NULL,
    entity_id VARCHAR(64) NULL,
    changes JSON NULL,
    ip VARCHAR(45) NULL,
    request_id VARCHAR(64) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    -- audit list without filters: ORDER BY created_at DESC; from/to range
    KEY idx_audit_logs_created_at (created_at),
    -- filter by actor: WHERE actor_type = ? AND actor_id = ? ORDER BY created_at DESC
    KEY idx_audit_logs_actor_created_at (actor_type, actor_id, created_at),
    -- filter by action (e.g. admin.login_failed) in a period
    KEY idx_audit_logs_action_created_at (action, created_at),
    -- history of one record: WHERE entity_type = ? AND entity_id = ?
    KEY idx_audit_logs_entity (entity_type, entity_id)`,
  ],
];

/**
 * TypeORM reads the expression of a generated column from its own typeorm_metadata table (information_schema
 * formats it differently on each server); without these rows it could not compare users.birth_month and
 * users.birth_day with the entity. Same shape as the table TypeORM creates itself.
 */
const GENERATED_COLUMNS: ReadonlyArray<readonly [table: string, column: string, expression: string]> = [
  ['users', 'birth_month', 'MONTH(birth_date)'],
  ['users', 'birth_day', 'DAYOFMONTH(birth_date)'],
];

export class CreateSchema1764000000000 implements MigrationInterface {
  name = 'CreateSchema1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, body] of CREATE_TABLES) {
      await queryRunner.query(`CREATE TABLE ${table} (\n    ${body}\n) ${TABLE_OPTIONS}`);
    }
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS typeorm_metadata (
        type VARCHAR(255) NOT NULL,
        \`database\` VARCHAR(255) NULL,
        \`schema\` VARCHAR(255) NULL,
        \`table\` VARCHAR(255) NULL,
        name VARCHAR(255) NULL,
        value TEXT NULL
      ) ${TABLE_OPTIONS}`,
    );
    for (const [table, column, expression] of GENERATED_COLUMNS) {
      await queryRunner.query(
        `INSERT INTO typeorm_metadata (type, \`schema\`, \`table\`, name, value)
         VALUES ('GENERATED_COLUMN', DATABASE(), ?, ?, ?)`,
        [table, column, expression],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of GENERATED_COLUMNS) {
      await queryRunner.query(
        `DELETE FROM typeorm_metadata
         WHERE type = 'GENERATED_COLUMN' AND \`schema\` = DATABASE() AND \`table\` = ? AND name = ?`,
        [table, column],
      );
    }
    const [{ remaining }] = (await queryRunner.query(
      'SELECT COUNT(*) AS remaining FROM typeorm_metadata',
    )) as Array<{ remaining: number | string }>;
    // Rows left belong to something else (views, other generated columns): keep the table for them.
    if (Number(remaining) === 0) await queryRunner.query('DROP TABLE typeorm_metadata');
    for (const [table] of [...CREATE_TABLES].reverse()) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
