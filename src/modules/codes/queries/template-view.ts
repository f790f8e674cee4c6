import { formatValue } from '../domain/discount-value';
import {
  DiscountKind,
  DiscountTemplate,
  TemplatePurpose,
  TemplateRecurrence,
  TemplateUsage,
} from '../persistence/discount-template.entity';

/** A discount template as the admin API shows it. */
export interface TemplateView {
  id: number;
  name: string;
  purpose: TemplatePurpose;
  kind: DiscountKind;
  value: number;
  valueText: string;
  usage: TemplateUsage;
  maxRedemptions: number | null;
  validDays: number | null;
  recurrence: TemplateRecurrence;
  recurrenceDays: number | null;
  minPurchase: number | null;
  description: string | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function toTemplateView(template: DiscountTemplate): TemplateView {
  return {
    id: template.id,
    name: template.name,
    purpose: template.purpose,
    kind: template.kind,
    value: template.value,
    valueText: formatValue(template.kind, template.value),
    usage: template.usage,
    maxRedemptions: template.maxRedemptions,
    validDays: template.validDays,
    recurrence: template.recurrence,
    recurrenceDays: template.recurrenceDays,
    minPurchase: template.minPurchase,
    description: template.description,
    isActive: template.isActive,
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
  };
}
