import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Context } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { IssueTelegramLoginTokenCommand } from '../../modules/auth/commands/issue-telegram-login-token.command';
import { LinkAdminTelegramCommand } from '../../modules/auth/commands/link-admin-telegram.command';
import { buttonWorthy, panelLoginLink } from './panel-login-link';
import { STAFF_TEXTS } from './staff-texts';

/** Admins in the staff bot: `/login` gives a one-tap link to the panel (a one-time token), `/link <code>` links this Telegram. */
@Injectable()
export class AdminTelegramFlow {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(ctx: Context, telegramId: number): Promise<void> {
    try {
      const { token, expiresInSeconds } = await this.commands.execute(
        new IssueTelegramLoginTokenCommand(telegramId),
      );
      const link = this.config.adminUrl ? panelLoginLink(this.config.adminUrl, token) : null;
      const minutes = Math.max(1, Math.round(expiresInSeconds / 60));
      // protect_content: the link and token cannot be forwarded or saved from the chat; no preview, so
      // Telegram does not fetch the panel on the admin's behalf.
      await ctx.reply(STAFF_TEXTS.loginToken(token, minutes, link), {
        parse_mode: 'HTML',
        protect_content: true,
        link_preview_options: { is_disabled: true },
        ...(link && buttonWorthy(link)
          ? { reply_markup: { inline_keyboard: [[{ text: STAFF_TEXTS.loginButton, url: link }]] } }
          : {}),
      });
    } catch (error) {
      if (!isDomainError(error, ErrorCode.ADMIN_NOT_FOUND)) throw error;
      await ctx.reply(STAFF_TEXTS.loginNotLinked);
    }
  }

  async link(ctx: Context, telegramId: number, code: string): Promise<void> {
    if (!code) {
      await ctx.reply(STAFF_TEXTS.linkUsage);
      return;
    }
    try {
      const { username } = await this.commands.execute(new LinkAdminTelegramCommand(code, telegramId));
      await ctx.reply(STAFF_TEXTS.linked(username), { parse_mode: 'HTML' });
    } catch (error) {
      if (!isDomainError(error, ErrorCode.AUTH_TOKEN_INVALID)) throw error;
      await ctx.reply(STAFF_TEXTS.linkInvalid);
    }
  }
}

function isDomainError(error: unknown, code: ErrorCode): boolean {
  return error instanceof DomainError && error.code === code;
}
