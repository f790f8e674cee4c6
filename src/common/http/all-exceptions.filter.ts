import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { isDependencyOutage, RETRY_AFTER_OUTAGE_SECONDS } from '../errors/dependency-outage';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { ERROR_STATUS } from '../errors/error-status';
import { errorBody, ErrorBody } from './error-body';
import { withMiniAppText } from './mini-app-error-text';

/** HTTP statuses Nest or Express raise by themselves, and the code we answer with. */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.AUTH_REQUIRED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN_ROLE,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.METHOD_NOT_ALLOWED]: ErrorCode.NOT_FOUND,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.VALIDATION_FAILED,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.RATE_LIMITED,
};

/**
 * Renders every error as `{ error: { code, message, details } }`. Business errors keep their code; framework
 * errors get the nearest code; anything unexpected is INTERNAL_ERROR and is logged, never shown. A Mini App
 * answer also says it in Russian (`details.text`).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.render(exception, request);
    if (response.headersSent) return;
    if (exception instanceof ThrottlerException && !response.getHeader('Retry-After')) {
      response.setHeader('Retry-After', '60');
    }
    if (body.error.code === ErrorCode.SERVICE_UNAVAILABLE && !response.getHeader('Retry-After')) {
      response.setHeader('Retry-After', String(RETRY_AFTER_OUTAGE_SECONDS));
    }
    response.status(status).json(withMiniAppText(request.originalUrl, body));
  }

  private render(exception: unknown, request: Request): [number, ErrorBody] {
    if (exception instanceof DomainError) {
      return [ERROR_STATUS[exception.code], errorBody(exception.code, exception.message, exception.details)];
    }
    if (isDependencyOutage(exception)) {
      this.logger.warn(
        { err: exception, method: request.method, url: request.originalUrl },
        'MariaDB or Redis is unavailable; answered 503',
      );
      return [
        ERROR_STATUS[ErrorCode.SERVICE_UNAVAILABLE],
        errorBody(
          ErrorCode.SERVICE_UNAVAILABLE,
          'A service this request needs is unavailable for a moment; retry after the Retry-After seconds',
        ),
      ];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status];
      if (code) return [ERROR_STATUS[code], errorBody(code, this.publicMessage(code, exception, request))];
    }
    const refusal = bodyParserRefusal(exception);
    const refusalCode = refusal && CODE_BY_STATUS[refusal.status];
    if (refusal && refusalCode) return [ERROR_STATUS[refusalCode], errorBody(refusalCode, refusal.message)];
    this.logger.error(
      { err: exception, method: request.method, url: request.originalUrl },
      'Unhandled error while serving a request',
    );
    return [
      500,
      errorBody(ErrorCode.INTERNAL_ERROR, 'Internal error; the request id is in the X-Request-Id header'),
    ];
  }

  private publicMessage(code: ErrorCode, exception: HttpException, request: Request): string {
    switch (code) {
      case ErrorCode.NOT_FOUND:
        return `No route ${request.method} ${request.path}`;
      case ErrorCode.RATE_LIMITED:
        return 'Too many requests; retry after the number of seconds in the Retry-After header';
      case ErrorCode.VALIDATION_FAILED:
        // Body-parser's messages ("Unexpected token } in JSON at position 12") are safe and useful.
        return exception.message || 'The request is malformed';
      default:
        return exception.message;
    }
  }
}

/**
 * A body the parser refused before any route ran (larger than the limit, an unknown charset or encoding, a
 * compression that does not inflate): body-parser raises http-errors errors, with a 4xx `status` and
 * `expose` (the message is meant for the client). Nest maps only its SyntaxError (malformed JSON) by itself.
 */
function bodyParserRefusal(exception: unknown): { status: number; message: string } | null {
  if (!(exception instanceof Error)) return null;
  const { status, expose } = exception as Error & { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return null;
  // http-errors without a message of its own says only "Bad Request".
  const generic = !exception.message || exception.message === STATUS_CODES[status];
  return { status, message: generic ? 'The request body could not be read' : exception.message };
}
