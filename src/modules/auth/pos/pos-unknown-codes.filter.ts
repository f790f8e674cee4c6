import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { PosPrincipal } from '../../../common/auth/access';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { AllExceptionsFilter } from '../../../common/http/all-exceptions.filter';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { POS_PAUSE_MS, PosLimits } from './pos-limits';

/**
 * Code guessing through the till, stopped like a cashier's: more than `pos.unknown_codes_per_minute`
 * DISCOUNT_NOT_FOUND answers to one API key in a sliding minute pause that key for a minute (PosLimitGuard
 * refuses it meanwhile). The answer itself is unchanged and is sent once the count is done (the pause applies
 * to the very next request); counting never fails the request.
 *
 * An exception filter, not an interceptor: a global interceptor makes Nest run every route's answer through
 * rxjs, while a filter costs nothing until something is thrown. `request.pos` is set by AccessGuard on POS
 * routes only. Registered after AllExceptionsFilter in configureApp (the later global filter is asked first);
 * every answer is still rendered by AllExceptionsFilter.
 */
@Catch(DomainError)
@Injectable()
export class PosUnknownCodesFilter implements ExceptionFilter<DomainError> {
  private readonly logger = new Logger('pos');
  private readonly answer = new AllExceptionsFilter();

  constructor(
    private readonly limits: PosLimits,
    private readonly queries: QueryBus,
  ) {}

  catch(error: DomainError, host: ArgumentsHost): void {
    const pos =
      host.getType() === 'http' && error.code === ErrorCode.DISCOUNT_NOT_FOUND
        ? host.switchToHttp().getRequest<Request & { pos?: PosPrincipal }>().pos
        : undefined;
    if (!pos) return this.answer.catch(error, host);
    void this.count(pos.keyIndex).then(() => this.answer.catch(error, host));
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
