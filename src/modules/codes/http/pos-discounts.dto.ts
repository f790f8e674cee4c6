import { ErrorCode } from '../../../common/errors/error-code';
import { ErrorExample } from '../../../common/http/api-answers';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MAX_KOPECKS } from '../domain/template-rules';
import { DISCOUNT_KINDS, DiscountKind } from '../persistence/discount-template.entity';
import { DISCOUNT_STATUSES, DiscountStatus } from '../persistence/discount.entity';

/** A JSON object holding only `allowed` keys (what forbidNonWhitelisted lets through). */
const onlyKeys = (value: unknown, allowed: ReadonlySet<string>): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype &&
  Object.keys(value).every((key) => allowed.has(key));

/*
 * The plain checks below accept only what the decorators accept; a string holding a surrogate pair or a
 * variation selector (which @Length counts differently from .length) is left to class-validator.
 */
const UNUSUAL = /[\uD800-\uDFFF]|\uFE0E|\uFE0F/;
const text = (value: unknown, max: number) =>
  typeof value === 'string' && value.length >= 1 && value.length <= max && !UNUSUAL.test(value);
const absentOr = (value: unknown, check: (v: unknown) => boolean) =>
  value === undefined || value === null || check(value);
const kopecks = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_KOPECKS;
const clientId = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 1;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

const VALIDATE_KEYS = new Set(['code', 'purchaseAmount', 'terminalId', 'clientUserId']);
const REDEEM_KEYS = new Set(['code', 'purchaseAmount', 'terminalId', 'idempotencyKey', 'clientUserId']);

const CODE_DOC = {
  example: 'K7M2-QX9A',
  description: 'As typed or scanned: case, spaces and dashes do not matter',
};

/** A till's check. `accepts`: the plain check of the validation pipe (PlainChecked), for the POS hot path. */
export class PosValidateBody {
  static accepts(value: unknown): boolean {
    return (
      onlyKeys(value, VALIDATE_KEYS) &&
      text(value.code, 64) &&
      absentOr(value.purchaseAmount, kopecks) &&
      absentOr(value.terminalId, (v) => text(v, 64)) &&
      absentOr(value.clientUserId, clientId)
    );
  }

  @ApiProperty(CODE_DOC)
  @IsString()
  @Length(1, 64)
  code: string;

  @ApiPropertyOptional({
    example: 250000,
    maximum: MAX_KOPECKS,
    description: 'Kopecks: checks the minimum purchase and computes discountAmount',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_KOPECKS)
  purchaseAmount?: number;

  @ApiPropertyOptional({ example: 'till-1', description: 'Written to the usage log' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  terminalId?: string;

  @ApiPropertyOptional({
    description: 'Shared codes: the client at the till, to tell whether they have used it already',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  clientUserId?: number;
}

/** A till's redemption. `accepts`: the plain check of the validation pipe (PlainChecked). */
export class PosRedeemBody {
  static accepts(value: unknown): boolean {
    return (
      onlyKeys(value, REDEEM_KEYS) &&
      text(value.code, 64) &&
      absentOr(value.purchaseAmount, kopecks) &&
      text(value.terminalId, 64) &&
      typeof value.idempotencyKey === 'string' &&
      IDEMPOTENCY_KEY.test(value.idempotencyKey) &&
      absentOr(value.clientUserId, clientId)
    );
  }

  @ApiProperty(CODE_DOC)
  @IsString()
  @Length(1, 64)
  code: string;

  @ApiPropertyOptional({
    example: 250000,
    maximum: MAX_KOPECKS,
    description:
      'Kopecks: checks the minimum purchase and computes discountAmount; required for a code with a minimum ' +
      'purchase (VALIDATION_FAILED without it)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_KOPECKS)
  purchaseAmount?: number;

  @ApiProperty({ example: 'till-1' })
  @IsString()
  @Length(1, 64)
  terminalId: string;

  @ApiProperty({
    example: '7f1c2e9a-5b41-4c1e-9d3f-0a8b6c2d4e11',
    description:
      'Unique per redemption (a UUID). A retry with the same key gets the first answer back, success or ' +
      'error, never a second redemption; the same key with a different code, amount, terminal or client ' +
      'is IDEMPOTENCY_CONFLICT.',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/, { message: 'idempotencyKey is 1..128 of A-Z a-z 0-9 . _ : -' })
  idempotencyKey: string;

  @ApiPropertyOptional({
    description: 'Required for a shared code: the client redeeming it (each client once)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  clientUserId?: number;
}

/** The client a code belongs to (or who is redeeming a shared code). */
export class CodeClientResponse {
  @ApiProperty({ example: 42 }) userId: number;
  @ApiProperty({ type: String, nullable: true, example: 'Анна' }) firstName: string | null;
}

class CodeFactsResponse {
  @ApiProperty({ example: 1017 }) discountId: number;
  @ApiProperty({ example: 'K7M2QX9A' }) code: string;
  @ApiProperty({ enum: DISCOUNT_KINDS, example: 'percent' }) kind: DiscountKind;
  @ApiProperty({ example: 10, description: 'Percent 1..100, or kopecks for `fixed`' }) value: number;
  @ApiProperty({ example: '10 %' }) valueText: string;
  @ApiProperty({ example: 'Подарок за подписку' }) templateName: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Скидка 10 % на одну покупку — спасибо, что подписались на наш канал!',
  })
  description: string | null;
  @ApiProperty({ type: CodeClientResponse, nullable: true }) client: CodeClientResponse | null;
  @ApiProperty({ example: false, description: 'One code for many clients (each once)' }) shared: boolean;
  @ApiProperty({ example: '2026-03-01T02:15:00.000Z' }) validFrom: Date;
  @ApiProperty({ type: Date, nullable: true, example: '2026-03-31T02:15:00.000Z' }) expiresAt: Date | null;
  @ApiProperty({ type: Number, nullable: true, example: null, description: 'Kopecks' }) minPurchase:
    number | null;
  @ApiProperty({ example: 0 }) redemptionCount: number;
  @ApiProperty({ type: Number, nullable: true, example: null }) maxRedemptions: number | null;
}

export class CodeCheckResponse extends CodeFactsResponse {
  @ApiProperty({ example: true }) valid: true;
  @ApiProperty({ enum: DISCOUNT_STATUSES, example: 'active' }) status: DiscountStatus;
  @ApiProperty({ type: Number, nullable: true, example: 250000 }) purchaseAmount: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 25000, description: 'Kopecks off purchaseAmount' })
  discountAmount: number | null;
}

export class RedemptionResponse extends CodeFactsResponse {
  @ApiProperty({ example: 5521, description: 'The usage-log row of this redemption' }) redemptionId: number;
  @ApiProperty({ example: true }) redeemed: true;
  @ApiProperty({ example: '2026-03-10T05:00:00.000Z' }) usedAt: Date;
  @ApiProperty({ type: Number, nullable: true, example: 250000 }) purchaseAmount: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 25000, description: 'Kopecks off purchaseAmount' })
  discountAmount: number | null;
}

/** Examples of the refusals a till meets, for Swagger. */
export const POS_REFUSAL_EXAMPLES: Partial<Record<ErrorCode, ErrorExample>> = {
  DISCOUNT_NOT_FOUND: {
    error: { code: ErrorCode.DISCOUNT_NOT_FOUND, message: 'No such code', details: null },
  },
  CODE_ALREADY_USED: {
    error: {
      code: ErrorCode.CODE_ALREADY_USED,
      message: 'The code has already been redeemed',
      details: { code: 'K7M2QX9A', usedAt: '2026-03-10T05:00:00.000Z' },
    },
  },
  CODE_EXPIRED: {
    error: {
      code: ErrorCode.CODE_EXPIRED,
      message: 'The code has expired',
      details: { code: 'K7M2QX9A', expiresAt: '2026-03-09T00:00:00.000Z' },
    },
  },
  MIN_PURCHASE_NOT_MET: {
    error: {
      code: ErrorCode.MIN_PURCHASE_NOT_MET,
      message: 'The purchase is below the minimum for this code',
      details: { code: 'K7M2QX9A', minPurchase: 150000, purchaseAmount: 99000 },
    },
  },
  IDEMPOTENCY_CONFLICT: {
    error: {
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
      message: 'This idempotency key was already used for another request',
      details: { firstRequest: { code: 'K7M2QX9A', purchaseAmount: 250000 } },
    },
  },
};
