import { Resource } from 'react-admin';
import { userResource } from './resources/users';
import { discountResource } from './resources/discounts';
import { discountTemplateResource } from './resources/discount-templates';
import { discountUsageResource } from './resources/discount-usage';
import { segmentResource } from './resources/segments';
import { broadcastResource } from './resources/broadcasts';
import { messageTemplateResource } from './resources/message-templates';
import { cashierResource } from './resources/cashiers';
import { adminResource } from './resources/admins';
import { settingResource } from './resources/settings';
import { auditLogResource } from './resources/audit-logs';
import { jobResource } from './resources/jobs';

/**
 * The panel's resources, in menu order: THE one place both halves of the panel add a line. Each resource
 * lives in its own folder under resources/ (list, edit, create, show, lazily loaded so pages are
 * code-split); access per role is in auth/access.ts, the API path in providers/resource-routes.ts.
 */
export const resources = [
  <Resource key="users" name="users" {...userResource} />,
  <Resource key="discounts" name="discounts" {...discountResource} />,
  <Resource key="discount-usage" name="discount-usage" {...discountUsageResource} />,
  <Resource key="discount-templates" name="discount-templates" {...discountTemplateResource} />,
  <Resource key="segments" name="segments" {...segmentResource} />,
  <Resource key="broadcasts" name="broadcasts" {...broadcastResource} />,
  <Resource key="message-templates" name="message-templates" {...messageTemplateResource} />,
  <Resource key="cashiers" name="cashiers" {...cashierResource} />,
  <Resource key="admins" name="admins" {...adminResource} />,
  <Resource key="settings" name="settings" {...settingResource} />,
  <Resource key="audit-logs" name="audit-logs" {...auditLogResource} />,
  <Resource key="jobs" name="jobs" {...jobResource} />,
];
