import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/http/validation';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import {
  DISCOUNT_KINDS,
  DiscountKind,
  TEMPLATE_PURPOSES,
  TEMPLATE_RECURRENCES,
  TEMPLATE_USAGES,
  TemplatePurpose,
  TemplateRecurrence,
  TemplateUsage,
} from '../persistence/discount-template.entity';
import { BooleanQuery } from '../../../common/http/query-fields';

export class CreateTemplateBody {
  @ApiProperty({ example: 'Скидка 300 ₽ от 1500 ₽', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  name: string;

  @ApiPropertyOptional({ enum: TEMPLATE_PURPOSES, default: 'manual' })
  @IsOptionalNotNull()
  @IsIn(TEMPLATE_PURPOSES)
  purpose?: TemplatePurpose;

  @ApiProperty({ enum: DISCOUNT_KINDS, description: '`percent`: value 1..100; `fixed`: value in kopecks' })
  @IsIn(DISCOUNT_KINDS)
  kind: DiscountKind;

  @ApiProperty({ example: 30000, description: 'Percent 1..100, or kopecks for `fixed` (30000 = 300 ₽)' })
  @IsInt()
  @Min(1)
  value: number;

  @ApiPropertyOptional({
    enum: TEMPLATE_USAGES,
    default: 'single',
    description: '`single`: a personal code redeemed once; `shared`: one code for many clients, each once',
  })
  @IsOptionalNotNull()
  @IsIn(TEMPLATE_USAGES)
  usage?: TemplateUsage;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Shared codes only: total redemptions allowed',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  maxRedemptions?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 30,
    description: 'Lifetime in days; null = no expiry',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  validDays?: number | null;

  @ApiPropertyOptional({ enum: TEMPLATE_RECURRENCES, default: 'none' })
  @IsOptionalNotNull()
  @IsIn(TEMPLATE_RECURRENCES)
  recurrence?: TemplateRecurrence;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Only for recurrence `every_n_days`' })
  @IsOptional()
  @IsInt()
  @Min(1)
  recurrenceDays?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 150000, description: 'Kopecks; null = none' })
  @IsOptional()
  @IsInt()
  @Min(1)
  minPurchase?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1024, description: 'Shown to the client' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNotNull()
  @IsBoolean()
  isActive?: boolean;
}

/** Any subset of the fields; `null` clears a nullable one and is refused for the others. */
export class UpdateTemplateBody extends PartialType(CreateTemplateBody, { skipNullProperties: false }) {}

export class ListTemplatesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TEMPLATE_PURPOSES })
  @IsOptional()
  @IsIn(TEMPLATE_PURPOSES)
  purpose?: TemplatePurpose;

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  isActive?: boolean;
}

export class TemplateResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TEMPLATE_PURPOSES }) purpose: TemplatePurpose;
  @ApiProperty({ enum: DISCOUNT_KINDS }) kind: DiscountKind;
  @ApiProperty() value: number;
  @ApiProperty({ example: '10 %' }) valueText: string;
  @ApiProperty({ enum: TEMPLATE_USAGES }) usage: TemplateUsage;
  @ApiProperty({ type: Number, nullable: true }) maxRedemptions: number | null;
  @ApiProperty({ type: Number, nullable: true }) validDays: number | null;
  @ApiProperty({ enum: TEMPLATE_RECURRENCES }) recurrence: TemplateRecurrence;
  @ApiProperty({ type: Number, nullable: true }) recurrenceDays: number | null;
  @ApiProperty({ type: Number, nullable: true }) minPurchase: number | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
