import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { Access, ACCESS_METADATA, PosPrincipal } from '../../../common/auth/access';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Metrics } from '../../../infrastructure/metrics/metrics';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { PosLimits } from './pos-limits';

/** Refusals of one key in one minute are written to the log at the first and then every this many. */
const LOG_EVERY = 100;

/**
 * The POS till's rate: at most `pos.checks_per_minute` requests a minute per API key, none while the key is
 * paused for unknown codes (PosUnknownCodes). Refused: 429 RATE_LIMITED with Retry-After, counted (metric
 * dvorik_pos_refused_total, a log line per hundred), never a usage-log row, so a leaked key cannot flood the
 * log. Runs after AccessGuard, which has named the key.
 */
@Injectable()
export class PosLimitGuard implements CanActivate {
  private readonly logger = new Logger('pos');

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: PosLimits,
    private readonly queries: QueryBus,
    private readonly metrics: Metrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<Request & { pos?: PosPrincipal }>();
    if (access?.kind !== 'pos' || !request.pos) return true;
    const { keyIndex } = request.pos;
    const perMinute = await this.queries.execute(new GetSettingQuery('pos.checks_per_minute'));
    const turn = await this.limits.take(keyIndex, perMinute);
    if (turn.allowed) return true;
    const retryAfterSeconds = Math.max(1, Math.ceil(turn.retryAfterMs / 1000));
    const { reason } = turn;
    this.metrics.posRefused.inc({ reason });
    if (turn.refusals % LOG_EVERY === 1) {
      this.logger.warn(
        { key: keyIndex + 1, refusalsThisMinute: turn.refusals, reason },
        'POS requests refused by the per-key limit',
      );
    }
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    throw new DomainError(
      ErrorCode.RATE_LIMITED,
      reason === 'paused'
        ? 'Too many unknown codes from this key; checks are paused, retry after the Retry-After seconds'
        : 'Too many requests from this key; retry after the Retry-After seconds',
      { retryAfterSeconds },
    );
  }
}
