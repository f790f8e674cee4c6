import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Admin } from '../../staff/persistence/admin.entity';

/** A bot text editable by admins: Telegram HTML with `{placeholders}`. */
@Entity('message_templates')
@Index('uq_message_templates_key', ['key'], { unique: true })
export class MessageTemplate {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  /** e.g. `welcome`; `key` is a reserved word in MySQL: quote it in raw SQL. */
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  text: string;

  /** For admins: where the text is shown and which placeholders it takes. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  description: string | null;

  @Column({ type: 'int', unsigned: true, nullable: true })
  @ForeignKey(() => Admin, {
    name: 'fk_message_templates_updated_by_admin',
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
