import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { mediaTooLarge, UPLOAD_MAX_BYTES } from '../domain/media-upload';

/** The multipart field that carries the file. */
export const MEDIA_FIELD = 'file';

const readOneFile = multer({
  storage: multer.memoryStorage(),
  // Browsers send a file name in UTF-8 (мишки.jpg) without saying so.
  defParamCharset: 'utf8',
  // One file of at most the largest kind's limit (+1 byte, so "too large" is told from "exactly the limit");
  // a few small text fields at most.
  limits: { fileSize: UPLOAD_MAX_BYTES + 1, files: 1, fields: 4, fieldSize: 1024, parts: 5 },
}).single(MEDIA_FIELD);

/**
 * Reads a multipart/form-data body with one file in the field `file` into memory, after the access guard
 * has let the request through. Refusals carry stable codes: MEDIA_INVALID (not multipart, no file, another
 * field, a malformed body), MEDIA_TOO_LARGE (over 50 MB).
 */
@Injectable()
export class MediaUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw invalid('send multipart/form-data with the file in the field "file"');
    }
    await new Promise<void>((resolve, reject) => {
      readOneFile(request, http.getResponse<Response>(), (error: unknown) =>
        error ? reject(refusal(error)) : resolve(),
      );
    });
    if (!request.file) throw invalid('the field "file" holds no file');
    return next.handle();
  }
}

function refusal(error: unknown): DomainError {
  if (error instanceof MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return mediaTooLarge(null, null);
    if (error.code === 'LIMIT_UNEXPECTED_FILE') return invalid(`one file, in the field "${MEDIA_FIELD}"`);
    return invalid(`the form is not accepted: ${error.message}`);
  }
  return invalid('the multipart body is malformed');
}

const invalid = (why: string) => new DomainError(ErrorCode.MEDIA_INVALID, why, { field: MEDIA_FIELD });
