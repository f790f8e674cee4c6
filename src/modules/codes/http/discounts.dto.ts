import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxDate,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { MAX_KOPECKS } from '../domain/template-rules';
import { DISCOUNT_KINDS, DiscountKind } from '../persistence/discount-template.entity';
import {
  USAGE_ACTIONS,
  USAGE_CHANNELS,
  UsageAction,
  UsageChannel,
} from '../persistence/discount-usage-log.entity';
import {
  DISCOUNT_REASONS,
  DISCOUNT_STATUSES,
  DiscountReason,
  DiscountStatus,
} from '../persistence/discount.entity';
import { CodeClientResponse } from './pos-discounts.dto';
import { BooleanQuery, DateTimeQuery } from '../../../common/http/query-fields';

/** The most client ids one bulk request may name; bigger audiences go through a segment. */
export const BULK_MAX_IDS = 10_000;

/** The last moment a DATETIME column holds (JavaScript dates go on to the year 275760). */
const LAST_DATETIME = new Date('9999-12-31T23:59:59.999Z');

export class IssueDiscountBody {
  @ApiPropertyOptional({ example: 42, description: 'The client; leave out for a shared template' })
  @IsOptional()
  @IsInt()
  @Min(1)
  userId?: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  templateId: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: "Overrides the template's lifetime; must be in the future",
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MaxDate(LAST_DATETIME, { message: 'expiresAt must be before the year 10000' })
  expiresAt?: Date;
}

export class BulkIssueBody {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  templateId: number;

  @ApiPropertyOptional({
    type: [Number],
    example: [12, 15, 31],
    description: `1..${BULK_MAX_IDS} client ids`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_IDS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  userIds?: number[];

  @ApiPropertyOptional({
    example: 2,
    description: "A saved segment: its active, non-test clients at the job's start",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  segmentId?: number;
}

export class RedeemByAdminBody {
  @ApiPropertyOptional({
    example: 250000,
    maximum: MAX_KOPECKS,
    description: 'Kopecks; required for a code with a minimum purchase (VALIDATION_FAILED without it)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_KOPECKS)
  purchaseAmount?: number;

  @ApiPropertyOptional({ description: 'Shared codes: the client redeeming it (each client once)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  clientUserId?: number;

  @ApiPropertyOptional({ description: 'A retry with the same key gets the first answer back' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,128}$/)
  idempotencyKey?: string;
}

export class RevokeDiscountBody {
  @ApiPropertyOptional({ example: 'Выдан по ошибке', maxLength: 500, description: 'Kept in the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListDiscountsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: DISCOUNT_STATUSES,
    description: 'As of now: a code past its expiry is `expired`',
  })
  @IsOptional()
  @IsIn(DISCOUNT_STATUSES)
  status?: DiscountStatus;

  @ApiPropertyOptional({ enum: DISCOUNT_REASONS })
  @IsOptional()
  @IsIn(DISCOUNT_REASONS)
  reason?: DiscountReason;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  templateId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  userId?: number;

  @DateTimeQuery('Issued at or after')
  issuedFrom?: Date;

  @DateTimeQuery('Issued before')
  issuedTo?: Date;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  isTest?: boolean;
}

export class ListUsageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'K7M2QX9A' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  userId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cashierId?: number;

  @ApiPropertyOptional({ enum: USAGE_CHANNELS })
  @IsOptional()
  @IsIn(USAGE_CHANNELS)
  channel?: UsageChannel;

  @ApiPropertyOptional({ enum: USAGE_ACTIONS })
  @IsOptional()
  @IsIn(USAGE_ACTIONS)
  action?: UsageAction;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  terminalId?: string;

  @DateTimeQuery()
  from?: Date;

  @DateTimeQuery()
  to?: Date;
}

export class DiscountResponse {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'K7M2QX9A' }) code: string;
  @ApiProperty() templateId: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null for a shared code' }) userId: number | null;
  @ApiProperty({ enum: DISCOUNT_KINDS }) kind: DiscountKind;
  @ApiProperty() value: number;
  @ApiProperty({ example: '10 %' }) valueText: string;
  @ApiProperty({ enum: DISCOUNT_STATUSES, description: 'As of now' }) status: DiscountStatus;
  @ApiProperty({ enum: DISCOUNT_REASONS }) reason: DiscountReason;
  @ApiProperty({ type: String, nullable: true, example: '2026' }) periodKey: string | null;
  @ApiProperty({ type: Number, nullable: true }) issuedByAdminId: number | null;
  @ApiProperty() validFrom: Date;
  @ApiProperty({ type: Date, nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) usedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) suspendedAt: Date | null;
  @ApiProperty() redemptionCount: number;
  @ApiProperty({ type: Number, nullable: true }) maxRedemptions: number | null;
  @ApiProperty() isTest: boolean;
  @ApiProperty() createdAt: Date;
}

export class JobStartedResponse {
  @ApiProperty({ example: 'bulk-3f9c0a1b2d4e5f60' }) jobId: string;
}

/** One check or redemption attempt in the usage log. */
export class UsageResponse {
  @ApiProperty({ example: 5521 }) id: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null when the attempt named no existing code' })
  discountId: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'K7M2QX9A' }) code: string | null;
  @ApiProperty({ type: Number, nullable: true }) userId: number | null;
  @ApiProperty({ type: Number, nullable: true }) cashierId: number | null;
  @ApiProperty({ enum: USAGE_CHANNELS }) channel: UsageChannel;
  @ApiProperty({ enum: USAGE_ACTIONS }) action: UsageAction;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'CODE_EXPIRED',
    description: 'The refusal, an ErrorCode',
  })
  rejectCode: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Kopecks' }) purchaseAmount: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Kopecks' }) discountAmount: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'till-1' }) terminalId: string | null;
  @ApiProperty({ type: String, nullable: true }) idempotencyKey: string | null;
  @ApiProperty() createdAt: Date;
}

/** The template terms shown with a code. */
export class DiscountTemplateTermsResponse {
  @ApiProperty({ example: 'Подарок за подписку' }) templateName: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Kopecks; null = none' }) minPurchase:
    number | null;
  @ApiProperty() isActive: boolean;
}

/** One code with its template's terms and its client. */
export class DiscountDetailsResponse extends DiscountResponse {
  @ApiProperty({ type: DiscountTemplateTermsResponse }) template: DiscountTemplateTermsResponse;
  @ApiProperty({ type: CodeClientResponse, nullable: true, description: 'Null for a shared code' })
  client: CodeClientResponse | null;
}
