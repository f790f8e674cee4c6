import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

const QUIET_ROUTES = ['/health', '/health/ready', '/metrics'];

/** JSON logs (pino) with the request id on every line; secrets in headers are redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
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
