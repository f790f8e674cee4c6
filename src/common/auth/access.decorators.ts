import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';
import { ApiErrors } from '../http/api-answers';
import { PUBLIC_OPERATION } from '../http/openapi-completion';
import { Access, ACCESS_METADATA, AdminRole } from './access';

export const BEARER_AUTH = 'bearer';
export const POS_API_KEY = 'pos-api-key';

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
    ),
  );

/** Any active admin, readonly included: for reading. */
export const AnyAdmin = () => Roles('owner', 'marketing', 'readonly');

/** The POS till: header X-API-Key holding one of INTERNAL_API_KEYS (compared in constant time). */
export const PosAccess = () =>
  applyDecorators(access({ kind: 'pos' }), ApiSecurity(POS_API_KEY), ApiErrors(ErrorCode.API_KEY_INVALID));

/** Telegram's webhook calls: header X-Telegram-Bot-Api-Secret-Token must equal TELEGRAM_WEBHOOK_SECRET. */
export const TelegramWebhook = () => access({ kind: 'telegram' });
