import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('pos');

/**
 * The request log of the POS routes (pino-http skips them, see LoggingModule): one line per answer of 400 or
 * more, in pino-http's shape (`req`, `res`, `responseTime`), at info as before. Successes are not logged.
 */
export function posRequestLog(request: Request, response: Response, next: NextFunction): void {
  const started = Date.now();
  response.once('finish', () => {
    if (response.statusCode < 400) return;
    const { id, method, originalUrl: url } = request as Request & { id?: string };
    logger.log(
      {
        req: { id, method, url },
        res: { statusCode: response.statusCode },
        responseTime: Date.now() - started,
      },
      'request completed',
    );
  });
  next();
}
