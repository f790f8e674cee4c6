import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Access, ACCESS_METADATA, AdminRole } from './access';

export const BEARER_AUTH = 'bearer';
export const POS_API_KEY = 'pos-api-key';

const access = (value: Access) => SetMetadata(ACCESS_METADATA, value);

/** Every route needs MariaDB or Redis: while one is unavailable it answers 503 at once (docs/RESILIENCE.md). */
const ServiceUnavailable = () =>
  ApiServiceUnavailableResponse({
    description: 'SERVICE_UNAVAILABLE while MariaDB or Redis is unavailable, with a Retry-After header',
  });

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
    ServiceUnavailable(),
  );

/** Any active admin, readonly included: for reading. */
export const AnyAdmin = () => Roles('owner', 'marketing', 'readonly');

/** The POS till: header X-API-Key holding one of INTERNAL_API_KEYS (compared in constant time). */
export const PosAccess = () =>
  applyDecorators(
    access({ kind: 'pos' }),
    ApiSecurity(POS_API_KEY),
    ApiUnauthorizedResponse({ description: 'API_KEY_INVALID' }),
    ApiTooManyRequestsResponse({
      description:
        'RATE_LIMITED, with a Retry-After header: over pos.checks_per_minute for this key, or the key paused ' +
        'for a minute after more than pos.unknown_codes_per_minute unknown codes',
    }),
    ServiceUnavailable(),
  );

/** Telegram's webhook calls: header X-Telegram-Bot-Api-Secret-Token must equal TELEGRAM_WEBHOOK_SECRET. */
export const TelegramWebhook = () => access({ kind: 'telegram' });
