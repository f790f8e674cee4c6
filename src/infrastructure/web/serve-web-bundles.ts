import { INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { ErrorCode } from '../../common/errors/error-code';
import { errorBody } from '../../common/http/error-body';
import { isBuilt, serveBundle } from './serve-bundle';
import { isApiPath, WEB_BUNDLES } from './web-bundle';

/**
 * Mounts every browser bundle the app serves (the `api` role only). A bundle that is not built does not stop
 * the app: its path answers 404 with a note (its API paths still reach the app), and a log line says how to
 * build it.
 */
export function serveWebBundles(app: INestApplication, config: AppConfig): void {
  const logger = new Logger('WebBundles');
  for (const bundle of WEB_BUNDLES) {
    const dist = join(config.webRoot, bundle.folder, 'dist');
    if (isBuilt(bundle, dist)) {
      app.use(bundle.mountPath, serveBundle(bundle, dist));
      logger.log(`Serving the ${bundle.title} at ${bundle.mountPath} from ${dist}`);
    } else {
      app.use(bundle.mountPath, (request: Request, response: Response, next: NextFunction) => {
        if (isApiPath(bundle, request.path)) return next();
        response
          .status(404)
          .json(errorBody(ErrorCode.NOT_FOUND, `The ${bundle.title} is not built (npm run build)`));
      });
      logger.warn(
        `The ${bundle.title} is not built (${dist} missing): ${bundle.mountPath} answers 404; run npm run build`,
      );
    }
  }
}
