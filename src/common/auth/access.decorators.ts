import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { ErrorCode } from '../errors/error-code';
import { ApiErrors } from '../http/api-answers';
import { PUBLIC_OPERATION } from '../http/openapi-completion';
import { Access, ACCESS_METADATA, AdminRole, MiniAppBot } from './access';

export const BEARER_AUTH = 'bearer';
export const POS_API_KEY = 'pos-api-key';
export const MINI_APP_INIT_DATA = 'telegram-init-data';

/** Requests a minute one Telegram user may make to a Mini App's API. */
export const MINI_APP_REQUESTS_PER_MINUTE = 120;

const access = (value: Access) => SetMetadata(ACCESS_METADATA, value);

/** Reachable without credentials (health, metrics, login). */
export const Public = () => applyDecorators(access({ kind: 'public' }), ApiExtension(PUBLIC_OPERATION, true));

/**
 * Admins with one of `roles` (JWT bearer). Declares the roles in Swagger too. Every admin route carries
 * exactly one such declaration; a route with none stops start-up (AccessCheck).
 */
export const Roles = (...roles: AdminRole[]) =>
  applyDecorators(
    access({ kind: 'admin', roles }),
    ApiBearerAuth(BEARER_AUTH),
    ApiExtension('x-roles', roles),
    ApiErrors(
      ErrorCode.AUTH_REQUIRED,
      ErrorCode.AUTH_TOKEN_EXPIRED,
      ErrorCode.AUTH_TOKEN_INVALID,
      ErrorCode.FORBIDDEN_ROLE,
      ErrorCode.RATE_LIMITED,
      ErrorCode.SERVICE_UNAVAILABLE,
    ),
  );

/** Any active admin, readonly included: for reading. */
export const AnyAdmin = () => Roles('owner', 'marketing', 'readonly');

/** The POS till: header X-API-Key holding one of INTERNAL_API_KEYS (compared in constant time). */
export const PosAccess = () =>
  applyDecorators(
    access({ kind: 'pos' }),
    ApiSecurity(POS_API_KEY),
    ApiErrors(ErrorCode.API_KEY_INVALID, ErrorCode.RATE_LIMITED, ErrorCode.SERVICE_UNAVAILABLE),
  );

/** Telegram's webhook calls: header X-Telegram-Bot-Api-Secret-Token must equal TELEGRAM_WEBHOOK_SECRET. */
export const TelegramWebhook = () => access({ kind: 'telegram' });

/**
 * A Telegram Mini App of `bot` (the client's card, or the cashier's scanner of the staff bot): header
 * `Authorization: tma <initData>` signed by that bot's token, no older than the setting
 * `miniapp.init_data_max_age_seconds`. Rate-limited per Telegram user.
 */
export const MiniAppAccess = (bot: MiniAppBot) =>
  applyDecorators(
    access({ kind: 'miniapp', bot }),
    Throttle({ default: { limit: MINI_APP_REQUESTS_PER_MINUTE, ttl: 60_000 } }),
    ApiSecurity(MINI_APP_INIT_DATA),
    ApiExtension('x-mini-app', bot),
    ApiErrors(
      ErrorCode.MINI_APP_AUTH_MISSING,
      ErrorCode.MINI_APP_AUTH_INVALID,
      ErrorCode.MINI_APP_AUTH_EXPIRED,
      ErrorCode.MINI_APP_WRONG_BOT,
      ErrorCode.RATE_LIMITED,
      ErrorCode.SERVICE_UNAVAILABLE,
    ),
  );
