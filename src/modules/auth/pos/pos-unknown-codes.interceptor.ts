import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';
import { Access, ACCESS_METADATA, PosPrincipal } from '../../../common/auth/access';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { POS_PAUSE_MS, PosLimits } from './pos-limits';

/**
 * Code guessing through the till, stopped like a cashier's: more than `pos.unknown_codes_per_minute`
 * DISCOUNT_NOT_FOUND answers to one API key in a sliding minute pause that key for a minute (PosLimitGuard
 * refuses it meanwhile). The answer itself is unchanged; counting never fails the request.
 */
@Injectable()
export class PosUnknownCodesInterceptor implements NestInterceptor {
  private readonly logger = new Logger('pos');

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: PosLimits,
    private readonly queries: QueryBus,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const pos = context.switchToHttp().getRequest<Request & { pos?: PosPrincipal }>().pos;
    if (context.getType() !== 'http' || access?.kind !== 'pos' || !pos) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof DomainError && error.code === ErrorCode.DISCOUNT_NOT_FOUND)) {
          return throwError(() => error);
        }
        return from(this.count(pos.keyIndex)).pipe(switchMap(() => throwError(() => error)));
      }),
    );
  }

  private async count(keyIndex: number): Promise<void> {
    try {
      const allowed = await this.queries.execute(new GetSettingQuery('pos.unknown_codes_per_minute'));
      const { unknown, pausedNow } = await this.limits.unknownCode(keyIndex, allowed);
      if (pausedNow) {
        this.logger.warn(
          { key: keyIndex + 1, unknownCodes: unknown, pauseSeconds: POS_PAUSE_MS / 1000 },
          'Too many unknown codes from a POS key: its checks are paused',
        );
      }
    } catch (error) {
      this.logger.warn({ err: error, key: keyIndex + 1 }, 'Could not count an unknown code of a POS key');
    }
  }
}
