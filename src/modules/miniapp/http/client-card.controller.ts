import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MiniAppPrincipal } from '../../../common/auth/access';
import { MiniAppAccess } from '../../../common/auth/access.decorators';
import { CheckCardSubscriptionCommand, SubscriptionCheck } from '../commands/check-card-subscription.command';
import { SaveCardBirthdayCommand, SavedBirthday } from '../commands/save-card-birthday.command';
import { ClientCard, GetClientCardQuery } from '../queries/get-client-card.query';
import {
  BirthdayBody,
  ClientCardResponse,
  SavedBirthdayResponse,
  SubscriptionCheckResponse,
} from './client-card.dto';
import { MiniAppUser } from './mini-app-user.decorator';

const NOT_A_CLIENT =
  'CLIENT_NOT_STARTED (never sent /start, or deleted) or CLIENT_BLOCKED_BOT (blocked the bot): /start it';

/** The client's loyalty card, a Mini App of the client bot (initData of the client bot). */
@ApiTags('mini-apps')
@MiniAppAccess('client')
@ApiForbiddenResponse({ description: NOT_A_CLIENT })
@Controller('webapp/v1/card')
export class ClientCardController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "The client's card: usable codes with QR, birthday, subscription, referral link" })
  @ApiOkResponse({ type: ClientCardResponse })
  card(@MiniAppUser() user: MiniAppPrincipal): Promise<ClientCard> {
    return this.queries.execute(new GetClientCardQuery(user.telegramId));
  }

  @Post('birthday')
  @HttpCode(200)
  @ApiOperation({
    summary: "Save the birthday once (the bot dialog's rules); only an admin changes it later",
  })
  @ApiOkResponse({ type: SavedBirthdayResponse })
  @ApiResponse({ status: 409, description: 'BIRTH_DATE_ALREADY_SET' })
  @ApiResponse({ status: 422, description: 'BIRTH_DATE_INVALID with details.problem and details.hint' })
  birthday(@MiniAppUser() user: MiniAppPrincipal, @Body() body: BirthdayBody): Promise<SavedBirthday> {
    return this.commands.execute(new SaveCardBirthdayCommand(user.telegramId, body.date));
  }

  @Post('subscription/check')
  @HttpCode(200)
  @ApiOperation({ summary: '«Я подписался»: asks Telegram, records it, grants the first subscription gift' })
  @ApiOkResponse({ type: SubscriptionCheckResponse })
  @ApiResponse({ status: 503, description: 'TELEGRAM_UNAVAILABLE' })
  checkSubscription(@MiniAppUser() user: MiniAppPrincipal): Promise<SubscriptionCheck> {
    return this.commands.execute(new CheckCardSubscriptionCommand(user.telegramId));
  }
}
