import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { BooleanQuery } from '../../../common/http/query-fields';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { momentInterval } from '../../segments/domain/moment-interval';
import { SOURCE_PATTERN, TAG_PATTERN } from '../../segments/domain/segment-filter';
import { USER_STATUSES, UserStatus } from '../persistence/user.entity';

/** `a,b` or `?x=a&x=b` as a list. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
    .map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((item) => item !== '');

const MOMENT = 'a date YYYY-MM-DD (a whole day in shop time) or a date-time YYYY-MM-DDTHH:mm[:ss][Z|±HH:mm]';
/** A date or date-time as the segment grammar reads it (segments/domain/moment-interval.ts). */
const IsMoment = () =>
  ValidateBy({
    name: 'isMoment',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && momentInterval(value, 'UTC') !== null,
      defaultMessage: () => `$property must be ${MOMENT}`,
    },
  });

/** The filters of the users list and export (SPEC 5). */
export class UserFilterDto {
  @ApiPropertyOptional({
    description:
      'Part of first name, last name or username (any case, a leading @ ignored); 6..15 digits: a whole Telegram id',
    example: 'анна',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Tags, comma-separated (matched in lower case)',
    example: 'vip,опт',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG_PATTERN, { each: true, message: 'each tag is 1..32 letters, digits, _ or -' })
  tags?: string[];

  @ApiPropertyOptional({
    enum: ['any', 'all'],
    default: 'any',
    description: '`any`: at least one of `tags`; `all`: every one',
  })
  @IsOptional()
  @IsIn(['any', 'all'])
  tagsMatch?: 'any' | 'all';

  @ApiPropertyOptional({ type: String, description: 'Sources, comma-separated', example: 'instagram,direct' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(SOURCE_PATTERN, { each: true, message: 'each source is 1..64 of a-z, 0-9, _ and -' })
  source?: string[];

  @ApiPropertyOptional({ type: Boolean, description: 'Subscribed to the channel' })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  subscribed?: boolean;

  @ApiPropertyOptional({
    type: String,
    description:
      'Statuses, comma-separated (`active`, `blocked`, `deleted`). **Default: active** (the reachable clients, ' +
      'served by the (status, is_test, created_at) index); `active,blocked` adds those who blocked the bot, ' +
      '`deleted` shows anonymised rows.',
    example: 'active,blocked',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(USER_STATUSES, { each: true })
  status?: UserStatus[];

  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'Birthday in this month' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  birthMonth?: number;

  @ApiPropertyOptional({ description: `Registered on or after: ${MOMENT}`, example: '2026-03-01' })
  @IsOptional()
  @IsMoment()
  registeredFrom?: string;

  @ApiPropertyOptional({ description: `Registered on or before (a date: through that whole day): ${MOMENT}` })
  @IsOptional()
  @IsMoment()
  registeredTo?: string;

  @ApiPropertyOptional({ description: `Last activity earlier than this day or instant: ${MOMENT}` })
  @IsOptional()
  @IsMoment()
  lastActivityBefore?: string;

  @ApiPropertyOptional({ description: `Last activity later than this day or instant: ${MOMENT}` })
  @IsOptional()
  @IsMoment()
  lastActivityAfter?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Has a code usable now (active, not expired, not suspended)',
  })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  hasActiveDiscount?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description: '**Default: false** — test clients stay out of lists and exports unless `isTest=true`',
  })
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  isTest?: boolean;
}

export class ListUsersQueryDto extends IntersectionType(PageQueryDto, UserFilterDto) {}

export class UpdateUserBody {
  @ApiPropertyOptional({
    type: [String],
    description:
      'The whole tag list: at most 20 (TAG_TOO_MANY), each 1..32 letters, digits, _ or - (TAG_INVALID); stored in lower case',
    example: ['vip', 'опт'],
  })
  @ValidateIf((body: UpdateUserBody) => body.tags !== undefined)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, description: 'null clears' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '1995-03-07',
    description:
      'YYYY-MM-DD, age 5..120, not in the future (BIRTH_DATE_INVALID); null clears. An admin may change a date the client saved.',
  })
  @IsOptional()
  @IsString()
  birthDate?: string | null;

  @ApiPropertyOptional()
  @ValidateIf((body: UpdateUserBody) => body.isTest !== undefined)
  @IsBoolean()
  isTest?: boolean;
}

export class BulkTagsBody {
  @ApiPropertyOptional({ type: [String], example: ['vip'], description: 'Tags to add (at most 20)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  add?: string[];

  @ApiPropertyOptional({ type: [String], example: ['новичок'], description: 'Tags to remove' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  remove?: string[];

  @ApiPropertyOptional({ type: [Number], description: 'Target: these clients (up to 10 000)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  userIds?: number[];

  @ApiPropertyOptional({ description: 'Target: the clients of this saved segment' })
  @IsOptional()
  @IsInt()
  @Min(1)
  segmentId?: number;

  @ApiPropertyOptional({
    type: Object,
    description: 'Target: the clients of this segment filter (SPEC 5 grammar)',
    example: { all: [{ field: 'source', op: 'eq', value: 'instagram' }] },
  })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
}

export class BulkTagsResponse {
  @ApiProperty({ description: 'Clients the target selected (never deleted ones)' }) matched: number;
  @ApiProperty({ description: 'Clients whose tags changed' }) updated: number;
  @ApiProperty({ description: 'Clients left as they were: adding would pass 20 tags' }) skipped: number;
}

export class UserResponse {
  @ApiProperty() id: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null once deleted' }) telegramId: number | null;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty({ type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ type: String, nullable: true }) languageCode: string | null;
  @ApiProperty({ example: 'instagram' }) source: string;
  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^(\\d{4}|-)-\\d{2}-\\d{2}$',
    example: '1995-03-07',
    description: 'YYYY-MM-DD, or --MM-DD (ISO 8601 without a year) when the client gave only day and month',
  })
  birthDate: string | null;
  @ApiProperty({ type: Date, nullable: true }) birthDateSetAt: Date | null;
  @ApiProperty() isSubscribed: boolean;
  @ApiProperty({ type: Date, nullable: true }) subscriptionCheckedAt: Date | null;
  @ApiProperty({ enum: USER_STATUSES }) status: UserStatus;
  @ApiProperty({ type: Date, nullable: true }) blockedAt: Date | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: Date, nullable: true }) lastActivityAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) referralCode: string | null;
  @ApiProperty({ type: Number, nullable: true }) referredByUserId: number | null;
  @ApiProperty() isTest: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class UserDiscountResponse {
  @ApiProperty() id: number;
  @ApiProperty() code: string;
  @ApiProperty() templateId: number;
  @ApiProperty({ type: String, nullable: true }) templateName: string | null;
  @ApiProperty({ enum: ['percent', 'fixed'] }) kind: string;
  @ApiProperty({ description: 'Percent, or kopecks for `fixed`' }) value: number;
  @ApiProperty({ enum: ['active', 'used', 'expired', 'revoked'] }) status: string;
  @ApiProperty({ example: 'subscription' }) reason: string;
  @ApiProperty() validFrom: Date;
  @ApiProperty({ type: Date, nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) usedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) suspendedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class UserRedemptionResponse {
  @ApiProperty() id: number;
  @ApiProperty({ type: Number, nullable: true }) discountId: number | null;
  @ApiProperty({ type: String, nullable: true }) code: string | null;
  @ApiProperty({ enum: ['staff_bot', 'pos', 'admin'] }) channel: string;
  @ApiProperty({ type: Number, nullable: true }) cashierId: number | null;
  @ApiProperty({ type: String, nullable: true }) terminalId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Kopecks' }) purchaseAmount: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Kopecks' }) discountAmount: number | null;
  @ApiProperty() createdAt: Date;
}

export class UserDetailResponse extends UserResponse {
  @ApiProperty({ description: 'Clients this one invited' }) invitedCount: number;
  @ApiProperty({ type: [UserDiscountResponse], description: 'Codes, newest first (at most 100)' })
  discounts: UserDiscountResponse[];
  @ApiProperty({ type: [UserRedemptionResponse], description: 'Redemptions, newest first (at most 100)' })
  redemptions: UserRedemptionResponse[];
}
