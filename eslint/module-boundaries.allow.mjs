// @ts-check
/** Which module owns each table (the migrations create them; only the owner writes SQL on its tables). */
export const TABLE_OWNERS = {
  users: 'users',
  discounts: 'codes',
  discount_templates: 'codes',
  discount_usage_logs: 'codes',
  broadcasts: 'broadcasts',
  broadcast_deliveries: 'broadcasts',
  segments: 'segments',
  admins: 'staff',
  cashiers: 'staff',
  settings: 'settings',
  audit_logs: 'audit',
  message_templates: 'message-templates',
  stats_rollups: 'stats',
  stats_rollup_days: 'stats',
};

/**
 * Imports across the seams that stay, each with its reason. Paths from the repository root without `.ts`;
 * `*` is one path segment (or part of one), `**` any number of them.
 */
export const ALLOWED_IMPORTS = [
  {
    from: 'src/modules/*/persistence/*.entity',
    to: 'src/modules/*/persistence/*.entity',
    reason:
      "An entity's @ForeignKey names the other module's entity so that migration:generate sees the schema's " +
      'foreign keys (the migrations own the schema). Nothing queries through it: no relation, no join.',
  },
  {
    from: 'src/modules/auth/**',
    to: 'src/modules/staff/persistence/admin.entity',
    reason:
      "Signing in reads an admin's password hash and Telegram link and stamps last_login_at / telegram_id. " +
      'Still to move behind staff commands and queries (the access guard already asks GetAdminQuery); ' +
      'this list is where that debt is visible.',
  },
];

/**
 * Files that run SQL on another module's tables, each with its reason: read models that join a table of
 * another module (mostly `users`) because one indexed statement serves where a query per row would not.
 * `tables: ['*']` for a file that may touch every table.
 */
export const ALLOWED_SQL = [
  {
    file: 'src/infrastructure/audit/audit-row.ts',
    tables: ['audit_logs'],
    reason:
      "The one writer of audit rows: a fact's row is written in the transaction of its change (the outbox, " +
      'and the redemption in its single round trip), which no command of the audit module can join.',
  },
  {
    file: 'src/modules/codes/persistence/code-cards.ts',
    tables: ['users'],
    reason: "A code's card names its client: the first name, joined by primary key (read-only).",
  },
  {
    file: 'src/modules/codes/persistence/subscription-gift-state.ts',
    tables: ['users'],
    reason:
      'Suspending and restoring a subscription code re-reads users.is_subscribed inside the UPDATE of ' +
      'discounts, so late or reordered listeners end where the client is (nothing written to users).',
  },
  {
    file: 'src/modules/gifts/persistence/birthday-candidates.ts',
    tables: ['users', 'discounts'],
    reason:
      "The birthday run's audience: clients born today without this year's gift, keyset-paged in one indexed " +
      'statement over 100 000 clients (read-only).',
  },
  {
    file: 'src/modules/gifts/persistence/referral-facts.ts',
    tables: ['users', 'discount_usage_logs'],
    reason: 'Who invited a client and their first redemption: one primary-key read (read-only).',
  },
  {
    file: 'src/modules/notices/persistence/notice-facts.ts',
    tables: ['discounts', 'discount_templates', 'users'],
    reason:
      'What an announcement says is read when its job runs (the code may be revoked, the client gone): ' +
      'primary-key lookups of the code, its template and the client (read-only).',
  },
  {
    file: 'src/modules/broadcasts/persistence/broadcast-audience.ts',
    tables: ['users'],
    reason:
      "A broadcast's recipients are copied into deliveries with one INSERT … SELECT a page, over the users " +
      "table under the segment's condition (read-only; 100 000 recipients would be 100 000 ids otherwise).",
  },
  {
    file: 'src/modules/broadcasts/persistence/delivery-ledger.ts',
    tables: ['users'],
    reason: "A chunk of recipients ready to send, with each client's Telegram id and status (read-only).",
  },
  {
    file: 'src/modules/segments/domain/compile-segment-filter.ts',
    tables: ['discounts', 'discount_usage_logs'],
    reason:
      "A segment's conditions on codes (holds a usable code, redeemed lately) compile to EXISTS subqueries " +
      'inside the one SELECT over users that a segment is (read-only).',
  },
  {
    file: 'src/modules/segments/queries/segment-audience.ts',
    tables: ['users'],
    reason:
      'A segment is a condition over users: its count, preview and member ids select from the users table ' +
      '(read-only). Other modules get the condition or the ids, never a query builder.',
  },
  {
    file: 'src/modules/segments/commands/segment-commands.ts',
    tables: ['broadcasts'],
    reason:
      'Deleting a segment counts the broadcasts that use it (the foreign key refuses anyway); a broadcasts ' +
      'query would make a cycle, since broadcasts depends on segments (read-only).',
  },
  {
    file: 'src/modules/stats/**',
    tables: [
      'users',
      'discounts',
      'discount_usage_logs',
      'discount_templates',
      'broadcasts',
      'broadcast_deliveries',
      'cashiers',
    ],
    reason:
      "Statistics are read models over the other modules' tables by design (KPIs, daily series, rollups).",
  },
  {
    file: 'src/cli/demo/**',
    tables: ['*'],
    reason: 'The demo seed fills a fresh demo database in bulk, every table.',
  },
];
