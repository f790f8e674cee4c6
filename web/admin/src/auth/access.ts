import type { AdminRole } from '../api/session';

/**
 * Who may read and who may change each resource, mirroring the API's route declarations. The panel hides
 * what a role may not do; the server still refuses it (the panel never relies on hiding). Both halves of
 * the panel add their resources here.
 */
export interface ResourceAccess {
  read: readonly AdminRole[];
  write: readonly AdminRole[];
  /** Deleting, when it is narrower than writing (clients: owner only). */
  delete?: readonly AdminRole[];
}

const ALL: readonly AdminRole[] = ['owner', 'marketing', 'readonly'];
const EDITORS: readonly AdminRole[] = ['owner', 'marketing'];
const OWNER: readonly AdminRole[] = ['owner'];

export const RESOURCE_ACCESS: Record<string, ResourceAccess> = {
  users: { read: ALL, write: EDITORS, delete: OWNER },
  discounts: { read: ALL, write: EDITORS },
  'discount-usage': { read: ALL, write: [] },
  'discount-templates': { read: ALL, write: EDITORS },
  segments: { read: ALL, write: EDITORS },
  broadcasts: { read: ALL, write: EDITORS },
  'message-templates': { read: ALL, write: EDITORS },
  cashiers: { read: ALL, write: OWNER },
  admins: { read: OWNER, write: OWNER },
  settings: { read: ALL, write: OWNER },
  'audit-logs': { read: ALL, write: [] },
  jobs: { read: ALL, write: OWNER },
};

const READ_ACTIONS = new Set(['list', 'show', 'read', 'export']);

/** Whether `role` may do `action` on `resource` (react-admin's canAccess; unknown resources: no). */
export function canAccess(role: AdminRole | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  if (resource === 'dashboard') return true;
  const access = RESOURCE_ACCESS[resource.split('.')[0] ?? resource];
  if (!access) return false;
  if (READ_ACTIONS.has(action)) return access.read.includes(role);
  if (action === 'delete') return (access.delete ?? access.write).includes(role);
  return access.write.includes(role);
}
