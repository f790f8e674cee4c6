import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Access, ACCESS_METADATA, AdminRole, MiniAppBot } from './access';

export const BEARER_AUTH = 'bearer';
export const POS_API_KEY = 'pos-api-key';
export const MINI_APP_INIT_DATA = 'telegram-init-data';

/** Requests a minute one Telegram user may make to a Mini App's API. */
export const MINI_APP_REQUESTS_PER_MINUTE = 120;

const access = (value: Access) => SetMetadata(ACCESS_METADATA, value);

/** Reachable without credentials (health, metrics, login). */
export const Public = () => access({ kind: 'public' });

/**
 * Admins with one of `roles` (JWT bearer). Declares the roles in Swagger too. Every admin route carries
 * exactly one such declaration; a route with none stops start-up (AccessCheck).
 */
export const Roles = (...roles: AdminRole[]) =>
  applyDecorators(
    access({ kind: 'admin', roles }),
    ApiBearerAuth(BEARER_AUTH),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'AUTH_REQUIRED, AUTH_TOKEN_EXPIRED or AUTH_TOKEN_INVALID' }),
    ApiForbiddenResponse({
      description: `FORBIDDEN_ROLE unless the admin's role is one of: ${roles.join(', ')}`,
    }),
    ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with a Retry-After header' }),
  );

/** Any active admin, readonly included: for reading. */
export const AnyAdmin = () => Roles('owner', 'marketing', 'readonly');

/** The POS till: header X-API-Key holding one of INTERNAL_API_KEYS (compared in constant time). */
export const PosAccess = () =>
  applyDecorators(
    access({ kind: 'pos' }),
    ApiSecurity(POS_API_KEY),
    ApiUnauthorizedResponse({ description: 'API_KEY_INVALID' }),
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
    ApiUnauthorizedResponse({
      description:
        'MINI_APP_AUTH_MISSING, MINI_APP_AUTH_INVALID, MINI_APP_AUTH_EXPIRED or MINI_APP_WRONG_BOT (initData ' +
        `signed by the other bot; this route belongs to the ${bot} bot)`,
    }),
    ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with a Retry-After header' }),
  );
