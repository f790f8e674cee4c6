import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PosAccess } from '../../../common/auth/access.decorators';
import { ErrorCode } from '../../../common/errors/error-code';
import { ApiErrorsWithExamples } from '../../../common/http/api-answers';
import { RedeemDiscountCommand } from '../commands/redeem-discount.command';
import { CodeCheck, Redemption } from '../queries/code-answers';
import { ValidateDiscountQuery } from '../queries/validate-discount.query';
import {
  CodeCheckResponse,
  POS_REFUSAL_EXAMPLES,
  PosRedeemBody,
  PosValidateBody,
  RedemptionResponse,
} from './pos-discounts.dto';
import { REDEMPTION_REFUSALS } from './redemption-refusals';

/**
 * The shop's till (X-API-Key). Refusals are the usual error body with a stable code: 404 DISCOUNT_NOT_FOUND,
 * 409 CODE_ALREADY_USED (details.usedAt) / CODE_LIMIT_REACHED / IDEMPOTENCY_CONFLICT, 422 CODE_EXPIRED /
 * CODE_REVOKED / CODE_NOT_YET_VALID / TEMPLATE_INACTIVE / MIN_PURCHASE_NOT_MET.
 */
@ApiTags('pos')
@PosAccess()
@Controller('internal/v1/discounts')
export class PosDiscountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a code without redeeming it: its value, description, client and expiry' })
  @ApiBody({
    type: PosValidateBody,
    examples: { scanned: { value: { code: 'k7m2 qx9a', purchaseAmount: 250000 } } },
  })
  @ApiOkResponse({ type: CodeCheckResponse })
  @ApiErrorsWithExamples([...REDEMPTION_REFUSALS], POS_REFUSAL_EXAMPLES)
  validate(@Body() body: PosValidateBody): Promise<CodeCheck> {
    return this.queries.execute(
      new ValidateDiscountQuery({
        code: body.code,
        channel: 'pos',
        terminalId: body.terminalId ?? null,
        purchaseAmount: body.purchaseAmount ?? null,
        clientUserId: body.clientUserId ?? null,
      }),
    );
  }

  @Post('redeem')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Redeem a code exactly once. A retry with the same idempotencyKey returns the first answer (success or ' +
      'error) unchanged; the same key with another request is IDEMPOTENCY_CONFLICT',
  })
  @ApiBody({
    type: PosRedeemBody,
    examples: {
      purchase: {
        value: {
          code: 'K7M2QX9A',
          purchaseAmount: 250000,
          terminalId: 'till-1',
          idempotencyKey: '7f1c2e9a-5b41-4c1e-9d3f-0a8b6c2d4e11',
        },
      },
    },
  })
  @ApiOkResponse({ type: RedemptionResponse })
  @ApiErrorsWithExamples([...REDEMPTION_REFUSALS, ErrorCode.IDEMPOTENCY_CONFLICT], POS_REFUSAL_EXAMPLES)
  redeem(@Body() body: PosRedeemBody): Promise<Redemption> {
    return this.commands.execute(
      new RedeemDiscountCommand({
        code: body.code,
        channel: 'pos',
        terminalId: body.terminalId,
        idempotencyKey: body.idempotencyKey,
        purchaseAmount: body.purchaseAmount ?? null,
        clientUserId: body.clientUserId ?? null,
      }),
    );
  }
}
