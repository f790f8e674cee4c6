import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule } from '../app/app.module';
import { ADMIN_ROLES, AdminRole } from '../common/auth/access';
import { SYSTEM_ACTOR } from '../common/audit/audit-entry';
import { DomainError } from '../common/errors/domain-error';
import { configErrorLine } from '../config/config-error-hint';
import { ConfigError, loadConfig } from '../config/load-config';
import { CreateAdminCommand } from '../modules/staff/commands/create-admin.command';
import { readPassword } from './read-password';

/**
 * `npm run admin:create -- --username <u> --role owner`: creates an admin from the shell, so a fresh install
 * has its first owner. The password comes from ADMIN_PASSWORD, is asked for (twice, not echoed) in a
 * terminal, or is the first line piped in. Exits non-zero with one line whenever nothing was created.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, role: { type: 'string', default: 'owner' } },
  });
  const username = values.username?.trim();
  const role = values.role as AdminRole;
  if (!username || !ADMIN_ROLES.includes(role)) {
    console.error(`Usage: npm run admin:create -- --username <name> [--role ${ADMIN_ROLES.join('|')}]`);
    process.exit(2);
  }
  const password = await readPassword();
  const envFile = existsSync('.env');
  if (envFile) process.loadEnvFile('.env');
  let loaded;
  try {
    loaded = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(configErrorLine(error.message, envFile));
    process.exit(1);
  }
  const config = { ...loaded, roles: new Set<never>(), logLevel: 'warn' as const };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  try {
    const { id } = await app
      .get(CommandBus)
      .execute(new CreateAdminCommand(username, password, role, SYSTEM_ACTOR));
    process.stdout.write(`Created ${role} "${username}" (id ${id}).\n`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
