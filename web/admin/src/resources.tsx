import { Resource } from 'react-admin';
import { userResource } from './resources/users';
import { discountResource } from './resources/discounts';
import { discountTemplateResource } from './resources/discount-templates';
import { discountUsageResource } from './resources/discount-usage';

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
];
