import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule } from '../app/app.module';
import { ADMIN_ROLES, AdminRole } from '../common/auth/access';
import { SYSTEM_ACTOR } from '../common/audit/audit-entry';
import { DomainError } from '../common/errors/domain-error';
import { loadConfig } from '../config/load-config';
import { CreateAdminCommand } from '../modules/staff/commands/create-admin.command';
import { askHidden } from './ask-hidden';

/**
 * `npm run admin:create -- --username <u> --role owner`: creates an admin from the shell, so a fresh install
 * has its first owner. The password comes from ADMIN_PASSWORD or is asked for (twice, not echoed).
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
  const password = process.env.ADMIN_PASSWORD ?? (await askTwice());
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = { ...loadConfig(process.env), roles: new Set<never>(), logLevel: 'warn' as const };
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

async function askTwice(): Promise<string> {
  const first = await askHidden('Password: ');
  const second = await askHidden('Password again: ');
  if (first !== second) {
    console.error('The passwords differ.');
    process.exit(2);
  }
  return first;
}

void main();
