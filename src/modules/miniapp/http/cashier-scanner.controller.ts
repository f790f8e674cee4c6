import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MiniAppPrincipal } from '../../../common/auth/access';
import { MiniAppAccess } from '../../../common/auth/access.decorators';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { ApiErrors } from '../../../common/http/api-answers';
import { RedeemDiscountCommand } from '../../codes/commands/redeem-discount.command';
import { CHECKS_PAUSED_TEXTS, refusalReason } from '../../codes/domain/cashier-refusal';
import { formatRubles } from '../../codes/domain/discount-value';
import { shopTimeText } from '../../codes/domain/shop-time-text';
import { CodeFacts } from '../../codes/queries/code-answers';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { CheckCodeAsCashierCommand } from '../commands/check-code-as-cashier.command';
import { approvedCashier } from '../queries/mini-app-cashier';
import { GetScannerQuery, Scanner } from '../queries/get-scanner.query';
import {
  ScannedCodeBody,
  ScannerCardResponse,
  ScannerRedemptionResponse,
  ScannerResponse,
} from './cashier-scanner.dto';
import { MiniAppUser } from './mini-app-user.decorator';

/**
 * What a check or a redemption can answer besides the card: the cashier's standing, and the code's refusals
 * (details.usedAt for CODE_ALREADY_USED; details.text says it in Russian as the staff bot does).
 */
const SCANNER_ERRORS = [
  ErrorCode.CASHIER_NOT_APPROVED,
  ErrorCode.CASHIER_NOT_FOUND,
  ErrorCode.CASHIER_CHECKS_PAUSED,
  ErrorCode.DISCOUNT_NOT_FOUND,
  ErrorCode.CODE_ALREADY_USED,
  ErrorCode.CODE_LIMIT_REACHED,
  ErrorCode.CODE_EXPIRED,
  ErrorCode.CODE_REVOKED,
  ErrorCode.CODE_NOT_YET_VALID,
  ErrorCode.TEMPLATE_INACTIVE,
  ErrorCode.MIN_PURCHASE_NOT_MET,
  ErrorCode.VALIDATION_FAILED,
];

/**
 * The cashier's scanner, a Mini App of the staff bot (initData of the staff bot). Checks and redemptions go
 * through the staff bot's rules and channel (`staff_bot`): the same card, the same atomic redemption, the
 * same «уже погашен», the same pause after more than 10 failed checks a minute (bot and scanner together).
 */
@ApiTags('mini-apps')
@MiniAppAccess('staff')
@Controller('webapp/v1/scanner')
export class CashierScannerController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Who the cashier is (pending, approved, ...) and an approved cashier's redemptions today",
  })
  @ApiOkResponse({ type: ScannerResponse })
  scanner(@MiniAppUser() user: MiniAppPrincipal): Promise<Scanner> {
    return this.queries.execute(new GetScannerQuery(user.telegramId));
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a scanned or typed code: the card the staff bot shows' })
  @ApiOkResponse({ type: ScannerCardResponse })
  @ApiErrors(...SCANNER_ERRORS)
  async check(
    @MiniAppUser() user: MiniAppPrincipal,
    @Body() body: ScannedCodeBody,
  ): Promise<ScannerCardResponse> {
    const cashier = await approvedCashier(this.queries, user.telegramId);
    const timezone = await this.timezone();
    const result = await this.commands.execute(new CheckCodeAsCashierCommand(cashier, body.code));
    switch (result.outcome) {
      case 'valid':
        return card(result.check, timezone);
      case 'paused':
        throw new DomainError(ErrorCode.CASHIER_CHECKS_PAUSED, 'Checks are paused: too many failed codes', {
          seconds: result.pausedFor,
          text: CHECKS_PAUSED_TEXTS.paused(result.pausedFor),
        });
      case 'refused': {
        const pause = result.pausedNow ? `\n\n${CHECKS_PAUSED_TEXTS.pausedNow(result.pauseSeconds)}` : '';
        throw withText(result.error, refusalReason(result.error, timezone) + pause, result.pausedNow);
      }
    }
  }

  @Post('redeem')
  @HttpCode(200)
  @ApiOperation({
    summary: '«Погасить»: redeem the code exactly once (channel staff_bot); the client is told',
  })
  @ApiOkResponse({ type: ScannerRedemptionResponse })
  @ApiErrors(...SCANNER_ERRORS)
  async redeem(
    @MiniAppUser() user: MiniAppPrincipal,
    @Body() body: ScannedCodeBody,
  ): Promise<ScannerRedemptionResponse> {
    const cashier = await approvedCashier(this.queries, user.telegramId);
    const timezone = await this.timezone();
    try {
      const redemption = await this.commands.execute(
        new RedeemDiscountCommand({ code: body.code, channel: 'staff_bot', cashierId: cashier.id }),
      );
      return {
        ...card(redemption, timezone),
        usedAt: redemption.usedAt.toISOString(),
        usedAtText: shopTimeText(redemption.usedAt, timezone),
      };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw withText(error, refusalReason(error, timezone), false);
    }
  }

  private timezone(): Promise<string> {
    return this.queries.execute(new GetSettingQuery('shop.timezone'));
  }
}

/** A code as the staff bot's card shows it. */
function card(facts: CodeFacts, timezone: string): ScannerCardResponse {
  return {
    code: facts.code,
    valueText: facts.valueText,
    description: facts.description,
    clientFirstName: facts.client?.firstName ?? null,
    expiresText: facts.expiresAt ? shopTimeText(facts.expiresAt, timezone) : 'бессрочно',
    minPurchaseText: facts.minPurchase === null ? null : formatRubles(facts.minPurchase),
    shared: facts.shared,
  };
}

/** The refusal as it was, with the staff bot's Russian reason in `details.text`. */
function withText(error: DomainError, text: string, pausedNow: boolean): DomainError {
  return new DomainError(error.code, error.message, { ...error.details, text, pausedNow });
}
