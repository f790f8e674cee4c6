import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import {
  Access,
  ACCESS_METADATA,
  AdminPrincipal,
  MiniAppBot,
  MiniAppPrincipal,
  PosPrincipal,
} from '../../../common/auth/access';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { APP_CONFIG, AppConfig } from '../../../config/app-config';
import { InitDataProblem, verifyInitData } from '../../miniapp/domain/init-data';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { AdminView, GetAdminQuery } from '../../staff/queries/list-admins.query';
import { KnownSecrets, sameSecret } from '../domain/constant-time';
import { AccessTokens } from '../tokens/access-tokens';
import { RevokedTokens } from '../tokens/revoked-tokens';

type GuardedRequest = Request & { admin?: AdminPrincipal; pos?: PosPrincipal; miniApp?: MiniAppPrincipal };

const INIT_DATA_REFUSALS: Record<Exclude<InitDataProblem, 'signature'>, [ErrorCode, string]> = {
  missing: [ErrorCode.MINI_APP_AUTH_MISSING, 'Send Telegram initData: Authorization: tma <initData>'],
  malformed: [ErrorCode.MINI_APP_AUTH_INVALID, 'initData is not a signed Telegram Mini App launch'],
  stale: [ErrorCode.MINI_APP_AUTH_EXPIRED, 'initData is older than the allowed age; reopen the Mini App'],
};

/**
 * The one guard of every HTTP route, enforcing the route's access declaration (AccessCheck makes sure there
 * is one): public, admin roles (JWT: signature, expiry, deny-list, the admin still active, the role as it
 * is now in the database), the POS API key, or Telegram's webhook secret.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly apiKeys: KnownSecrets;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly revoked: RevokedTokens,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.apiKeys = new KnownSecrets(config.internalApiKeys);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    switch (access?.kind) {
      case 'public':
        return true;
      case 'telegram':
        return this.checkWebhookSecret(request);
      case 'pos':
        return this.checkApiKey(request);
      case 'admin':
        return this.checkAdmin(request, access.roles);
      case 'miniapp':
        return this.checkMiniApp(request, access.bot);
      default:
        // Unreachable for routes (AccessCheck refuses to start without a declaration); safe for anything else.
        throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'This route declares no access');
    }
  }

  private checkWebhookSecret(request: GuardedRequest): boolean {
    const given = request.header('x-telegram-bot-api-secret-token') ?? '';
    if (!sameSecret(given, this.config.telegramWebhookSecret)) {
      throw new DomainError(
        ErrorCode.WEBHOOK_SECRET_INVALID,
        'Wrong or missing X-Telegram-Bot-Api-Secret-Token',
      );
    }
    return true;
  }

  private checkApiKey(request: GuardedRequest): boolean {
    const keyIndex = this.apiKeys.indexOf(request.header('x-api-key') ?? '');
    if (keyIndex < 0) throw new DomainError(ErrorCode.API_KEY_INVALID, 'Wrong or missing X-API-Key');
    request.pos = { keyIndex };
    return true;
  }

  /**
   * initData of the route's bot (`Authorization: tma <initData>`). Data that the other bot signed is told
   * apart (MINI_APP_WRONG_BOT), so a card opened from the staff bot says where to open it.
   */
  private async checkMiniApp(request: GuardedRequest, bot: MiniAppBot): Promise<boolean> {
    const match = /^tma (.+)$/s.exec(request.header('authorization') ?? '');
    const maxAge = await this.queries.execute(new GetSettingQuery('miniapp.init_data_max_age_seconds'));
    const now = this.clock.now();
    const tokens = { client: this.config.clientBotToken, staff: this.config.staffBotToken };
    const reading = verifyInitData(match?.[1], tokens[bot], now, maxAge);
    if (reading.ok) {
      const { user } = reading.data;
      request.miniApp = { bot, telegramId: user.id, firstName: user.firstName, username: user.username };
      return true;
    }
    if (reading.problem === 'signature') {
      const other: MiniAppBot = bot === 'client' ? 'staff' : 'client';
      // Age does not matter here: the answer only says which bot signed it, and grants nothing.
      if (verifyInitData(match?.[1], tokens[other], now, Number.MAX_SAFE_INTEGER).ok) {
        throw new DomainError(
          ErrorCode.MINI_APP_WRONG_BOT,
          `initData of the ${other} bot; this is the ${bot} bot's`,
        );
      }
      throw new DomainError(ErrorCode.MINI_APP_AUTH_INVALID, 'initData signature does not match');
    }
    const [code, message] = INIT_DATA_REFUSALS[reading.problem];
    throw new DomainError(code, message);
  }

  private async checkAdmin(request: GuardedRequest, roles: readonly string[]): Promise<boolean> {
    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new DomainError(ErrorCode.AUTH_REQUIRED, 'Send a bearer token: Authorization: Bearer <token>');
    const claims = this.tokens.verify(match[1]);
    if (await this.revoked.isRevoked(claims.jti)) {
      throw new DomainError(ErrorCode.AUTH_TOKEN_INVALID, 'This token was revoked by a logout');
    }
    const admin = await this.adminOf(Number(claims.sub));
    if (!admin || !admin.isActive) {
      throw new DomainError(
        ErrorCode.AUTH_TOKEN_INVALID,
        'The admin of this token is deactivated or deleted',
      );
    }
    request.admin = {
      id: admin.id,
      username: admin.username,
      role: admin.role,
      telegramId: admin.telegramId,
      jti: claims.jti,
      exp: claims.exp,
    };
    if (!roles.includes(admin.role)) {
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, `This action needs the role ${roles.join(' or ')}`, {
        role: admin.role,
        allowed: roles,
      });
    }
    return true;
  }

  /** The token's admin through the staff module, or null when the account is gone. */
  private async adminOf(adminId: number): Promise<AdminView | null> {
    try {
      return await this.queries.execute(new GetAdminQuery(adminId));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.ADMIN_NOT_FOUND) return null;
      throw error;
    }
  }
}
