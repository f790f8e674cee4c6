import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Admin } from '../../staff/persistence/admin.entity';

/** One shop setting (SPEC 6): any JSON value, checked against the key's schema by the settings module. */
@Entity('settings')
export class Setting {
  /** e.g. `shop.timezone`; `key` is a reserved word in MySQL: quote it in raw SQL. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  /** JSON; SQL NULL and JSON `null` both read as null (e.g. `test_mode.secret` while test mode is off). */
  @Column({ type: 'json', nullable: true })
  value: unknown;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Admin, {
    name: 'fk_settings_updated_by_admin',
    onDelete: 'SET NULL',
    onUpdate: 'RESTRICT',
  })
  updatedByAdminId: number | null;

  @UpdateDateColumn({
    type: 'datetime',
    precision: 3,
    default: () => 'CURRENT_TIMESTAMP(3)',
    onUpdate: 'CURRENT_TIMESTAMP(3)',
  })
  updatedAt: Date;
}
