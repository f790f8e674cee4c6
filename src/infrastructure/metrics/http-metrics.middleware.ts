import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** Times every HTTP request and labels it with the route pattern (not the raw URL, to keep labels few). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.metrics.httpDuration.startTimer();
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      stop({
        method: request.method,
        route: route ? `${request.baseUrl}${route}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  }
}
