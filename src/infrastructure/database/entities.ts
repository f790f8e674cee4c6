import { AuditLog } from '../../modules/audit/persistence/audit-log.entity';
import { BroadcastDelivery } from '../../modules/broadcasts/persistence/broadcast-delivery.entity';
import { Broadcast } from '../../modules/broadcasts/persistence/broadcast.entity';
import { DiscountTemplate } from '../../modules/discounts/persistence/discount-template.entity';
import { DiscountUsageLog } from '../../modules/discounts/persistence/discount-usage-log.entity';
import { Discount } from '../../modules/discounts/persistence/discount.entity';
import { MessageTemplate } from '../../modules/message-templates/persistence/message-template.entity';
import { Segment } from '../../modules/segments/persistence/segment.entity';
import { Setting } from '../../modules/settings/persistence/setting.entity';
import { Admin } from '../../modules/staff/persistence/admin.entity';
import { Cashier } from '../../modules/staff/persistence/cashier.entity';
import { User } from '../../modules/users/persistence/user.entity';

/** Every entity class: one per table of SPEC section 2. */
export const ENTITIES = [
  User,
  Admin,
  Cashier,
  DiscountTemplate,
  Discount,
  DiscountUsageLog,
  Broadcast,
  BroadcastDelivery,
  Segment,
  MessageTemplate,
  Setting,
  AuditLog,
];
