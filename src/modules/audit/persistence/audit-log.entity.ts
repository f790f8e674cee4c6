import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTOR_TYPES = ['admin', 'cashier', 'client', 'pos', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** Who did what to which record. Append-only. */
@Entity('audit_logs')
@Index('idx_audit_logs_created_at', ['createdAt'])
@Index('idx_audit_logs_actor_created_at', ['actorType', 'actorId', 'createdAt'])
@Index('idx_audit_logs_action_created_at', ['action', 'createdAt'])
@Index('idx_audit_logs_entity', ['entityType', 'entityId'])
export class AuditLog {
  /**
   * BIGINT UNSIGNED, typed `number`: with supportBigNumbers and bigNumberStrings off, mysql2 returns a number
   * for every value up to 2^53 (and a string only above), and an audit log never nears 9e15 rows. Typing it
   * `string` would misdescribe what the driver returns.
   */
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id: number;

  @Column({ type: 'enum', enum: AUDIT_ACTOR_TYPES })
  actorType: AuditActorType;

  /** A string: an admin, cashier or user id, a POS key label, a job name; null for anonymous actors. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  /** e.g. `discount.redeemed`, `setting.changed`, `admin.login_failed`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  entityType: string | null;

  /** A string: numeric ids and string keys (settings, message templates) alike. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId: string | null;

  /** `{ before, after }` with secrets left out. */
  @Column({ type: 'json', nullable: true })
  changes: Record<string, unknown> | null;

  /** IPv4 or IPv6 (45 characters at most). */
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
