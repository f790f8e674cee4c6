import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../common/auth/access.decorators';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { WebBundle } from '../../../infrastructure/web-bundles/web-bundle';

/**
 * The pages may run Telegram's script (from telegram.org, exactly that origin) and their own files, talk
 * only to this server, show QR codes as data: images, and be framed only by Telegram's web clients.
 */
export const MINI_APP_CSP = [
  "default-src 'none'",
  "script-src 'self' https://telegram.org",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
].join('; ');

const bundle = new WebBundle('miniapp', MINI_APP_CSP);

/**
 * The Mini Apps' pages (web/miniapp, built by `npm run build`): /webapp/card.html (the client's card) and
 * /webapp/scanner.html (the cashier's scanner) with their assets. The pages are public; their data is not
 * (/webapp/v1, initData).
 */
@ApiExcludeController()
@Public()
@Controller('webapp')
export class MiniAppPagesController {
  @Get()
  async index(@Res() response: Response): Promise<void> {
    await this.file('card.html', response);
  }

  @Get('*path')
  async file(@Param('path') path: string | string[], @Res() response: Response): Promise<void> {
    const relative = Array.isArray(path) ? path.join('/') : path;
    if (relative.startsWith('v1/') || !(await bundle.send(relative, response))) {
      throw new DomainError(ErrorCode.NOT_FOUND, 'No such Mini App page', {
        ...(bundle.built ? {} : { hint: 'The Mini Apps are not built: run npm run build' }),
      });
    }
  }
}
