import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ErrorCode } from '../common/errors/error-code';
import { errorBody } from '../common/http/error-body';
import { AllExceptionsFilter } from '../common/http/all-exceptions.filter';
import { createValidationPipe } from '../common/http/validation';
import { requestIdMiddleware } from '../infrastructure/logging/request-id.middleware';
import { HttpMetricsMiddleware } from '../infrastructure/metrics/http-metrics.middleware';
import { serveWebBundles } from '../infrastructure/web/serve-web-bundles';
import { setupSwagger } from './swagger';

/** Everything main.ts and the test app factory both do to a created app, so tests run what production runs. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  const express = app.getHttpAdapter().getInstance() as {
    disable(name: string): void;
    set(k: string, v: unknown): void;
  };
  express.disable('x-powered-by');
  // One proxy hop (the reverse proxy in DEPLOYMENT.md), so request.ip is the caller's address.
  express.set('trust proxy', 1);
  app.use(requestIdMiddleware);
  const config = app.get<AppConfig>(APP_CONFIG);
  if (!config.roles.has('api')) {
    // The admin and POS APIs belong to the `api` role; other roles answer them as unknown routes.
    app.use(['/api', '/internal'], (_request: Request, response: Response) => {
      response
        .status(404)
        .json(errorBody(ErrorCode.NOT_FOUND, 'This process does not serve the API (APP_ROLES)'));
    });
  }
  // The browser bundles (the admin panel at /admin) belong to the `api` role too.
  if (config.roles.has('api')) serveWebBundles(app, config);
  const httpMetrics = app.get(HttpMetricsMiddleware);
  app.use((request: Request, response: Response, next: NextFunction) =>
    httpMetrics.use(request, response, next),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupSwagger(app);
}
