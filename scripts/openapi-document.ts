/**
 * Writes the app's OpenAPI document to web/api/openapi.json (or the path given), from the same
 * buildOpenApiDocument() that serves /docs-json. The app is built in Nest's preview mode: modules and
 * controllers are scanned, no provider is instantiated, so nothing connects to MariaDB, Redis or Telegram,
 * and the placeholder configuration below is only there to pass validation.
 *   npm run api:generate   (this script, then openapi-typescript and prettier)
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app/app.module';
import { buildOpenApiDocument } from '../src/app/swagger';
import { loadConfig } from '../src/config/load-config';

const PLACEHOLDER_ENV = {
  NODE_ENV: 'production',
  APP_ROLES: 'api,bots,worker,scheduler',
  DATABASE_URL: 'mysql://unused@127.0.0.1:1/unused',
  REDIS_URL: 'redis://127.0.0.1:1/0',
  JWT_SECRET: 'placeholder-secret-never-used-0123456789',
  CLIENT_BOT_TOKEN: '1:placeholder-client',
  STAFF_BOT_TOKEN: '2:placeholder-staff',
  TELEGRAM_WEBHOOK_SECRET: 'placeholder-webhook-secret',
  INTERNAL_API_KEYS: 'placeholder-pos-key-0123456789',
  LOG_LEVEL: 'silent',
};

async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'web/api/openapi.json');
  const app = await NestFactory.create(AppModule.forRoot(loadConfig(PLACEHOLDER_ENV)), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  const document = buildOpenApiDocument(app);
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`OpenAPI document: ${Object.keys(document.paths).length} paths written to ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
