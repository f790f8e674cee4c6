import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const USER_STATUSES = ['active', 'blocked', 'deleted'] as const;
/** `blocked`: the client blocked the bot; `deleted`: anonymised, the row stays for history. */
export type UserStatus = (typeof USER_STATUSES)[number];

/** A client of the shop, registered through the client bot. Indexes: see migrations/*-CreateSchema.ts. */
@Entity('users')
@Index('uq_users_telegram_id', ['telegramId'], { unique: true })
@Index('uq_users_referral_code', ['referralCode'], { unique: true })
@Index('idx_users_status_is_test_created_at', ['status', 'isTest', 'createdAt'])
// users list sorted by name, username or birth date, in index order (migrations/*-UsersListIndexes.ts)
@Index('idx_users_status_is_test_first_name', ['status', 'isTest', 'firstName'])
@Index('idx_users_status_is_test_username', ['status', 'isTest', 'username'])
@Index('idx_users_status_is_test_birth_date', ['status', 'isTest', 'birthDate'])
@Index('idx_users_last_activity_at', ['lastActivityAt'])
@Index('idx_users_source_created_at', ['source', 'createdAt'])
@Index('idx_users_referred_by_user_id', ['referredByUserId'])
@Index('idx_users_birth_month_birth_day', ['birthMonth', 'birthDay'])
@Index('idx_users_telegram_id_hash', ['telegramIdHash'])
// stats: covering for registrations and totals by period (migrations/*-StatsRollups.ts)
@Index('idx_users_is_test_created_at_stats', [
  'isTest',
  'createdAt',
  'status',
  'source',
  'isSubscribed',
  'birthDate',
  'referredByUserId',
])
export class User {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  /** NULL once the client is deleted (anonymised); see telegramIdHash. */
  @Column({ type: 'bigint', nullable: true })
  telegramId: number | null;

  /** SHA-256 (hex) of the Telegram id of a deleted client, so the person can register again as new. */
  @Column({ type: 'char', length: 64, nullable: true })
  telegramIdHash: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  firstName: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  lastName: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  languageCode: string | null;

  /** First deep-link payload (`[a-z0-9_-]{1,64}`), else `direct`; first touch wins. */
  @Column({ type: 'varchar', length: 64, default: 'direct' })
  source: string;

  /** Calendar date `YYYY-MM-DD` (TypeORM returns DATE columns as strings: no time zone shift). */
  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  /** Derived by MySQL from birth_date, for the daily birthday lookup; never written by the app. */
  @Column({
    type: 'tinyint',
    nullable: true,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: 'MONTH(birth_date)',
  })
  readonly birthMonth: number | null;

  /** Derived by MySQL from birth_date, for the daily birthday lookup; never written by the app. */
  @Column({
    type: 'tinyint',
    nullable: true,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: 'DAYOFMONTH(birth_date)',
  })
  readonly birthDay: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  birthDateSetAt: Date | null;

  @Column({ type: 'boolean', default: false })
  isSubscribed: boolean;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  subscriptionCheckedAt: Date | null;

  @Column({ type: 'enum', enum: USER_STATUSES, default: 'active' })
  status: UserStatus;

  /** When the client blocked the bot (status `blocked`); cleared when they come back. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  blockedAt: Date | null;

  /**
   * JSON array of tags (`[\p{L}\p{N}_-]{1,32}`, at most 20). NOT NULL without a DB default (a JSON default
   * is not portable between MySQL 8 and MariaDB): every INSERT gives it, `[]` for none.
   */
  @Column({ type: 'json' })
  tags: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastActivityAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  referralCode: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => User, { name: 'fk_users_referred_by_user', onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  referredByUserId: number | null;

  @Column({ type: 'boolean', default: false })
  isTest: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;

  @UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
