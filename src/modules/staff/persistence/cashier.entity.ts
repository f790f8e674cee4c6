import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CASHIER_STATUSES, CashierStatus } from '../domain/cashier-status';
import { Admin } from './admin.entity';

/** A shop assistant using the staff bot; only `approved` cashiers may check and redeem codes. */
@Entity('cashiers')
@Index('uq_cashiers_telegram_id', ['telegramId'], { unique: true })
@Index('idx_cashiers_status', ['status'])
export class Cashier {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'bigint' })
  telegramId: number;

  @Column({ type: 'varchar', length: 128 })
  fullName: string;

  @Column({ type: 'enum', enum: CASHIER_STATUSES, default: 'pending' })
  status: CashierStatus;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Admin, {
    name: 'fk_cashiers_decided_by_admin',
    onDelete: 'SET NULL',
    onUpdate: 'RESTRICT',
  })
  decidedByAdminId: number | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  decidedAt: Date | null;

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
