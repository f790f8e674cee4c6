import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ErrorCode } from '../common/errors/error-code';
import { errorBody } from '../common/http/error-body';
import { AllExceptionsFilter } from '../common/http/all-exceptions.filter';
import { createValidationPipe } from '../common/http/validation';
import { POS_ROUTES } from '../infrastructure/logging/logging.module';
import { posRequestLog } from '../infrastructure/logging/pos-request-log';
import { requestIdMiddleware } from '../infrastructure/logging/request-id.middleware';
import { HttpMetricsMiddleware } from '../infrastructure/metrics/http-metrics.middleware';
import { serveWebBundles } from '../infrastructure/web/serve-web-bundles';
import { PosUnknownCodesFilter } from '../modules/auth/pos/pos-unknown-codes.filter';
import { setupSwagger } from './swagger';

/** Everything main.ts and the test app factory both do to a created app, so tests run what production runs. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  const express = app.getHttpAdapter().getInstance() as {
    disable(name: string): void;
    set(k: string, v: unknown): void;
  };
  express.disable('x-powered-by');
  const config = app.get<AppConfig>(APP_CONFIG);
  // Only the proxies named in TRUST_PROXY may set request.ip through X-Forwarded-For (none by default).
  express.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware);
  app.use(`/${POS_ROUTES}`, posRequestLog);
  if (!config.roles.has('api')) {
    // The admin, POS and Mini App APIs (and pages) belong to the `api` role; other roles answer them as unknown routes.
    app.use(['/api', '/internal', '/webapp'], (_request: Request, response: Response) => {
      response
        .status(404)
        .json(errorBody(ErrorCode.NOT_FOUND, 'This process does not serve the API (APP_ROLES)'));
    });
  }
  // The browser bundles (the admin panel at /admin, the Mini Apps at /webapp) belong to the `api` role too.
  if (config.roles.has('api')) serveWebBundles(app, config);
  const httpMetrics = app.get(HttpMetricsMiddleware);
  app.use((request: Request, response: Response, next: NextFunction) =>
    httpMetrics.use(request, response, next),
  );
  // The later filter is asked first: POS unknown codes are counted, then AllExceptionsFilter answers.
  app.useGlobalFilters(new AllExceptionsFilter(), app.get(PosUnknownCodesFilter));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupSwagger(app);
}
