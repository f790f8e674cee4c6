import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

// The vocabulary lives in domain/ for other modules' types; re-exported for this module's persistence users.
export {
  DISCOUNT_KINDS,
  TEMPLATE_PURPOSES,
  TEMPLATE_USAGES,
  type DiscountKind,
  type TemplatePurpose,
  type TemplateUsage,
} from '../domain/code-vocabulary';
import {
  DISCOUNT_KINDS,
  DiscountKind,
  TEMPLATE_PURPOSES,
  TEMPLATE_USAGES,
  TemplatePurpose,
  TemplateUsage,
} from '../domain/code-vocabulary';

export const TEMPLATE_RECURRENCES = ['none', 'yearly', 'every_n_days'] as const;
/** `yearly`: at most once per client per calendar year in shop time; `every_n_days`: see recurrenceDays. */
export type TemplateRecurrence = (typeof TEMPLATE_RECURRENCES)[number];

/** What a discount code is worth and how it may be issued; codes copy kind and value at issue. */
@Entity('discount_templates')
export class DiscountTemplate {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id: number;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'enum', enum: TEMPLATE_PURPOSES })
  purpose: TemplatePurpose;

  @Column({ type: 'enum', enum: DISCOUNT_KINDS })
  kind: DiscountKind;

  @Column({ type: 'int', unsigned: true })
  value: number;

  /** `usage` is a reserved word in MySQL: quote it in raw SQL. */
  @Column({ type: 'enum', enum: TEMPLATE_USAGES, default: 'single' })
  usage: TemplateUsage;

  /** For a shared code: how many clients may redeem it in total (null = unlimited). */
  @Column({ type: 'int', unsigned: true, nullable: true })
  maxRedemptions: number | null;

  /** Lifetime of a code after issue, in days; null = no expiry. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  validDays: number | null;

  @Column({ type: 'enum', enum: TEMPLATE_RECURRENCES, default: 'none' })
  recurrence: TemplateRecurrence;

  /** Only for recurrence `every_n_days`. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  recurrenceDays: number | null;

  /** Minimum purchase in minor units; null = none. */
  @Column({ type: 'int', unsigned: true, nullable: true })
  minPurchase: number | null;

  /** Shown to the client. */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  description: string | null;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

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
