import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

const QUIET_ROUTES = ['/health', '/health/ready', '/metrics'];

/** pino-pretty is a development dependency: an image built without it logs JSON whatever LOG_FORMAT says. */
function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/** One readable line per entry for a terminal (LOG_FORMAT=pretty, or unset at a TTY). */
const PRETTY = {
  target: 'pino-pretty',
  options: {
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,roles,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
  },
};

/**
 * Logs (pino) with the request id on every line, secrets in headers redacted: JSON for machines, or pretty
 * for a person at a terminal (LOG_FORMAT).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          // A transport is a worker thread: none for a silent logger (tests start many apps).
          ...(config.logFormat === 'pretty' && config.logLevel !== 'silent' && prettyAvailable()
            ? { transport: PRETTY }
            : {}),
          genReqId: (request: IncomingMessage) =>
            (request as IncomingMessage & { id?: string }).id ?? 'unknown',
          customProps: () => ({ service: 'dvorik', roles: [...config.roles].join(',') }),
          autoLogging: { ignore: (request: IncomingMessage) => QUIET_ROUTES.includes(request.url ?? '') },
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["x-api-key"]',
              'req.headers["x-telegram-bot-api-secret-token"]',
            ],
            censor: '[redacted]',
          },
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              url: request.url,
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
