import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { RequestContext } from '../../common/context/request-context';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

const QUIET_ROUTES = ['/health', '/health/ready', '/metrics'];

/**
 * The POS till's routes get no pino-http: a till redeems all day, and a logger per request (two child
 * loggers, a context run, a line per answer) cost about 5 % of a redemption's CPU. posRequestLog writes their
 * refusals and failures instead; a success is already a usage-log row, an audit row and a metrics sample.
 */
export const POS_ROUTES = 'internal';

/** Every line written inside a request, bot update or job carries its id (POS lines have no `req`). */
const requestIdOfContext = () => {
  const context = RequestContext.current();
  return context ? { requestId: context.requestId } : {};
};

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
        exclude: [{ method: RequestMethod.ALL, path: `${POS_ROUTES}/*path` }],
        pinoHttp: {
          level: config.logLevel,
          // A transport is a worker thread: none for a silent logger (tests start many apps).
          ...(config.logFormat === 'pretty' && config.logLevel !== 'silent' && prettyAvailable()
            ? { transport: PRETTY }
            : {}),
          genReqId: (request: IncomingMessage) =>
            (request as IncomingMessage & { id?: string }).id ?? 'unknown',
          // Bound once to the root logger (as customProps they made a child logger per request).
          base: {
            pid: process.pid,
            hostname: hostname(),
            service: 'dvorik',
            roles: [...config.roles].join(','),
          },
          mixin: requestIdOfContext,
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
