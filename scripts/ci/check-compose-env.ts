// CI: every app service of docker-compose.yml gets every variable the app's configuration requires, and
// its environment passes the app's own loadConfig. Input: {service: {NAME: value}} (scripts/ci/check-compose.sh).
//   npx ts-node --transpile-only scripts/ci/check-compose-env.ts services.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load-config';

/** The names load-config.ts reads with `required(env, 'X')` or `botToken(env, 'X')`. */
export function requiredVariables(source: string): string[] {
  const names = [...source.matchAll(/\b(?:required|botToken)\(env, '([A-Z0-9_]+)'\)/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

const services = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, Record<string, string>>;
const required = requiredVariables(readFileSync(join(__dirname, '../../src/config/load-config.ts'), 'utf8'));
const problems: string[] = [];
if (required.length < 5)
  problems.push(`found only ${required.join(', ')} in load-config.ts: the pattern broke`);
if (Object.keys(services).length === 0)
  problems.push('no app service (one with `build:`) in the compose file');
for (const [service, env] of Object.entries(services)) {
  const missing = required.filter((name) => !env[name]?.trim());
  if (missing.length > 0) problems.push(`${service}: not given ${missing.join(', ')}`);
  if ('TELEGRAM_API_ROOT' in env)
    problems.push(`${service}: TELEGRAM_API_ROOT is the emulator's, not production's`);
  try {
    loadConfig(env);
  } catch (error) {
    problems.push(`${service}: ${(error as Error).message}`);
  }
}
console.log(`required by load-config.ts: ${required.join(', ')}`);
console.log(`app services: ${Object.keys(services).join(', ')}`);
for (const problem of problems) console.error(problem);
process.exit(problems.length === 0 ? 0 : 1);
