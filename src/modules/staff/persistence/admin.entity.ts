import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ADMIN_ROLES = ['owner', 'marketing', 'readonly'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** A person of the shop who uses the admin API (and, with a linked Telegram id, the staff bot). */
@Entity('admins')
@Index('uq_admins_username', ['username'], { unique: true })
@Index('uq_admins_telegram_id', ['telegramId'], { unique: true })
export class Admin {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  /** Unique case-insensitively (utf8mb4_unicode_ci). */
  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** bcrypt, cost >= 10. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'bigint', nullable: true })
  telegramId: number | null;

  @Column({ type: 'enum', enum: ADMIN_ROLES })
  role: AdminRole;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastLoginAt: Date | null;

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
