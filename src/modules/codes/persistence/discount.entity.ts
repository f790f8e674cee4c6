import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Admin } from '../../staff/persistence/admin.entity';
import { User } from '../../users/persistence/user.entity';
import { DISCOUNT_KINDS, DiscountKind, DiscountTemplate } from './discount-template.entity';

export {
  DISCOUNT_REASONS,
  DISCOUNT_STATUSES,
  type DiscountReason,
  type DiscountStatus,
} from '../domain/code-vocabulary';
import {
  DISCOUNT_REASONS,
  DISCOUNT_STATUSES,
  DiscountReason,
  DiscountStatus,
} from '../domain/code-vocabulary';

/** An issued code. Indexes and the queries they serve: see migrations/*-CreateSchema.ts. */
@Entity('discounts')
@Index('uq_discounts_code', ['code'], { unique: true })
@Index('uq_discounts_user_template_period', ['userId', 'templateId', 'periodKey'], { unique: true })
@Index('idx_discounts_user_status_created_at', ['userId', 'status', 'createdAt'])
@Index('idx_discounts_status_expires_at', ['status', 'expiresAt'])
// the clients with a usable code (hasActiveDiscount), index-only (migrations/*-UsersListIndexes.ts)
@Index('idx_discounts_status_suspended_expires_user', ['status', 'suspendedAt', 'expiresAt', 'userId'])
@Index('idx_discounts_template_id', ['templateId'])
@Index('idx_discounts_reason_created_at', ['reason', 'createdAt'])
@Index('idx_discounts_is_test_created_at_reason', ['isTest', 'createdAt', 'reason', 'redemptionCount'])
export class Discount {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  /** 8 characters from an alphabet without look-alikes; compared case-insensitively (unicode_ci). */
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'int', unsigned: true })
  @ForeignKey(() => DiscountTemplate, {
    name: 'fk_discounts_template',
    onDelete: 'RESTRICT',
    onUpdate: 'RESTRICT',
  })
  templateId: number;

  /** Null for a shared code. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => User, { name: 'fk_discounts_user', onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  userId: number | null;

  @Column({ type: 'enum', enum: DISCOUNT_KINDS })
  kind: DiscountKind;

  @Column({ type: 'int', unsigned: true })
  value: number;

  @Column({ type: 'enum', enum: DISCOUNT_STATUSES, default: 'active' })
  status: DiscountStatus;

  @Column({ type: 'enum', enum: DISCOUNT_REASONS })
  reason: DiscountReason;

  /**
   * Unique with (user_id, template_id): `2026` for a yearly gift, a fixed key such as `once` for the
   * subscription gift. NULL never collides (MySQL unique semantics), so manual codes leave it NULL.
   */
  @Column({ type: 'varchar', length: 32, nullable: true })
  periodKey: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Admin, {
    name: 'fk_discounts_issued_by_admin',
    onDelete: 'SET NULL',
    onUpdate: 'RESTRICT',
  })
  issuedByAdminId: number | null;

  @Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  validFrom: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  usedAt: Date | null;

  /** An unused subscription gift is suspended while its owner is unsubscribed from the channel. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  suspendedAt: Date | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  redemptionCount: number;

  @Column({ type: 'int', unsigned: true, nullable: true })
  maxRedemptions: number | null;

  @Column({ type: 'boolean', default: false })
  isTest: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
