import { hash } from 'bcryptjs';
import { AdminRole } from '../../src/common/auth/access';
import { AccessTokens } from '../../src/modules/auth/tokens/access-tokens';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { anAdmin } from './factories';
import { TestApp } from './test-app';

export const TEST_PASSWORD = 'мармелад-пароль-2026';

/** An active admin of `role` and a valid JWT for it (signed by the app, no login round trip). */
export async function loginAs(
  t: TestApp,
  role: AdminRole,
  fields: Partial<Admin> = {},
): Promise<{ token: string; admin: Admin; auth: { Authorization: string } }> {
  const admin = await anAdmin(t.dataSource, { role, ...fields });
  const { accessToken } = t.get(AccessTokens).sign(admin.id, admin.role);
  return { token: accessToken, admin, auth: { Authorization: `Bearer ${accessToken}` } };
}

/** An admin whose password is TEST_PASSWORD (bcrypt cost 4: fast in tests, same code path). */
export async function anAdminWithPassword(t: TestApp, fields: Partial<Admin> = {}): Promise<Admin> {
  return anAdmin(t.dataSource, { passwordHash: await hash(TEST_PASSWORD, 4), ...fields });
}
