import { CanActivate, ExecutionContext, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EventBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { Access, ACCESS_METADATA, PosPrincipal } from '../../../common/auth/access';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Metrics } from '../../../infrastructure/metrics/metrics';
import { PosLimits } from './pos-limits';
import { RecentSetting } from '../../settings/queries/recent-setting';

/** Refusals of one key in one minute are written to the log at the first and then every this many. */
const LOG_EVERY = 100;
/** How long a replica may go on with its reading of pos.checks_per_minute after another one changed it. */
const LIMIT_MAX_AGE_MS = 1_000;

/**
 * The POS till's rate: at most `pos.checks_per_minute` requests a minute per API key, none while the key is
 * paused for unknown codes (PosUnknownCodes). Refused: 429 RATE_LIMITED with Retry-After, counted (metric
 * dvorik_pos_refused_total, a log line per hundred), never a usage-log row, so a leaked key cannot flood the
 * log. Runs after AccessGuard, which has named the key. The limit is read at most once a second
 * (RecentSetting): a change in this process applies at once, one made by another replica within a second.
 */
@Injectable()
export class PosLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly logger = new Logger('pos');
  private readonly perMinute: RecentSetting<'pos.checks_per_minute'>;

  constructor(
    private readonly reflector: Reflector,
    private readonly limits: PosLimits,
    queries: QueryBus,
    events: EventBus,
    private readonly metrics: Metrics,
  ) {
    this.perMinute = new RecentSetting('pos.checks_per_minute', LIMIT_MAX_AGE_MS, queries, events);
  }

  onModuleDestroy(): void {
    this.perMinute.close();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<Request & { pos?: PosPrincipal }>();
    if (access?.kind !== 'pos' || !request.pos) return true;
    const { keyIndex } = request.pos;
    const turn = await this.limits.take(keyIndex, await this.perMinute.value());
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
