import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiCreatedResponse,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Public } from '../../../common/auth/access.decorators';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { LimitPerClient } from '../guards/rate-limit.guard';
import { IssueLinkCodeCommand } from '../commands/issue-link-code.command';
import { LogInWithTelegramCommand } from '../commands/log-in-with-telegram.command';
import { LogInCommand } from '../commands/log-in.command';
import { LogOutCommand } from '../commands/log-out.command';
import { AccessTokenResponse, LinkCodeResponse, LoginBody, MeResponse, TelegramLoginBody } from './auth.dto';
import { ErrorCode } from '../../../common/errors/error-code';
import { ApiErrors } from '../../../common/http/api-answers';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('login')
  @Public()
  @LimitPerClient()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with username and password — вход в админку по логину и паролю',
    description:
      'AUTH_INVALID_CREDENTIALS on a wrong pair; five failures in 15 minutes lock the username for 15 minutes (AUTH_LOCKED). Rate-limited per IP (RATE_LIMITED).',
  })
  @ApiOkResponse({ type: AccessTokenResponse })
  @ApiErrors(ErrorCode.AUTH_INVALID_CREDENTIALS, ErrorCode.AUTH_LOCKED, ErrorCode.RATE_LIMITED)
  login(@Body() body: LoginBody): Promise<AccessTokenResponse> {
    return this.commands.execute(new LogInCommand(body.username, body.password));
  }

  @Post('telegram')
  @Public()
  @LimitPerClient()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Exchange the staff bot's one-time /login token for a JWT (AUTH_TOKEN_INVALID when used, expired or unknown)",
  })
  @ApiOkResponse({ type: AccessTokenResponse })
  @ApiErrors(ErrorCode.AUTH_TOKEN_INVALID, ErrorCode.RATE_LIMITED)
  telegram(@Body() body: TelegramLoginBody): Promise<AccessTokenResponse> {
    return this.commands.execute(new LogInWithTelegramCommand(body.token));
  }

  @Post('logout')
  @AnyAdmin()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the calling token (every role may end its own session)' })
  @ApiNoContentResponse({ description: 'Logged out: the token no longer works' })
  async logout(@CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    await this.commands.execute(new LogOutCommand(admin.id, admin.jti, admin.exp));
  }

  @Get('me')
  @AnyAdmin()
  @ApiOperation({ summary: 'The calling admin' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentAdmin() admin: AdminPrincipal): MeResponse {
    return { id: admin.id, username: admin.username, role: admin.role, telegramId: admin.telegramId };
  }

  @Post('link-code')
  @AnyAdmin()
  @ApiOperation({
    summary:
      'A code to link your Telegram account: send `/link <code>` to the staff bot (every role may link itself)',
  })
  @ApiCreatedResponse({ type: LinkCodeResponse })
  linkCode(@CurrentAdmin() admin: AdminPrincipal): Promise<LinkCodeResponse> {
    return this.commands.execute(new IssueLinkCodeCommand(admin.id));
  }
}
