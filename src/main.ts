import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { configErrorLine } from './config/config-error-hint';
import { ConfigError, loadConfig } from './config/load-config';

async function bootstrap(): Promise<void> {
  const envFile = existsSync('.env');
  if (envFile) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(configErrorLine(error.message, envFile));
    process.exit(1);
  }
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app);
  await app.listen(config.port);
}

void bootstrap();
