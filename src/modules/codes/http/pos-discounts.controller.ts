import { applyDecorators, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PosAccess } from '../../../common/auth/access.decorators';
import { RedeemDiscountCommand } from '../commands/redeem-discount.command';
import { CodeCheck, Redemption } from '../queries/code-answers';
import { CheckDiscountCommand } from '../commands/check-discount.command';
import {
  CodeCheckResponse,
  POS_REFUSAL_EXAMPLES,
  PosRedeemBody,
  PosValidateBody,
  RedemptionResponse,
} from './pos-discounts.dto';

type RefusalName = keyof typeof POS_REFUSAL_EXAMPLES;

/** Documents refusals by HTTP status, each with an example body. */
const Refusals = (byStatus: Record<number, RefusalName[]>) =>
  applyDecorators(
    ...Object.entries(byStatus).map(([status, names]) =>
      ApiResponse({
        status: Number(status),
        description: names.join(', '),
        content: {
          'application/json': {
            examples: Object.fromEntries(names.map((name) => [name, { value: POS_REFUSAL_EXAMPLES[name] }])),
          },
        },
      }),
    ),
  );

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
  @Refusals({
    404: ['DISCOUNT_NOT_FOUND'],
    409: ['CODE_ALREADY_USED'],
    422: ['CODE_EXPIRED', 'MIN_PURCHASE_NOT_MET'],
  })
  validate(@Body() body: PosValidateBody): Promise<CodeCheck> {
    return this.commands.execute(
      new CheckDiscountCommand({
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
  @Refusals({
    404: ['DISCOUNT_NOT_FOUND'],
    409: ['CODE_ALREADY_USED', 'IDEMPOTENCY_CONFLICT'],
    422: ['CODE_EXPIRED', 'MIN_PURCHASE_NOT_MET'],
  })
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
