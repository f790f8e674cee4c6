import { applyDecorators, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Access, ACCESS_METADATA, AdminPrincipal, MiniAppPrincipal } from '../../../common/auth/access';

/** Requests a minute one admin may make to the admin API; the auth routes have their own, per IP (10). */
export const ADMIN_REQUESTS_PER_MINUTE = 300;
export const AUTH_REQUESTS_PER_MINUTE = 10;

const PER_CLIENT = 'dvorik:rate-limit-per-client';

/** A public route limited per client IP to AUTH_REQUESTS_PER_MINUTE (login: slows password guessing). */
export const LimitPerClient = () =>
  applyDecorators(
    SetMetadata(PER_CLIENT, true),
    Throttle({ default: { limit: AUTH_REQUESTS_PER_MINUTE, ttl: 60_000 } }),
  );

/**
 * Rate limits (RATE_LIMITED with Retry-After): every authenticated admin route per admin, every Mini App route
 * per Telegram user and bot (@MiniAppAccess, MINI_APP_REQUESTS_PER_MINUTE), and the routes marked
 * @LimitPerClient (login) per client IP. Runs after AccessGuard, so the admin is known. Telegram
 * webhooks, the POS till, health and metrics are not limited here.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const perClient = this.reflector.get<boolean | undefined>(PER_CLIENT, context.getHandler()) === true;
    return access?.kind !== 'admin' && access?.kind !== 'miniapp' && !perClient;
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const admin = request.admin as AdminPrincipal | undefined;
    const miniApp = request.miniApp as MiniAppPrincipal | undefined;
    if (admin) return `admin:${admin.id}`;
    if (miniApp) return `telegram:${miniApp.bot}:${miniApp.telegramId}`;
    return `ip:${String(request.ip)}`;
  }
}
