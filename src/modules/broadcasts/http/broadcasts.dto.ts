import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
  PartialType,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { BooleanQuery, DateTimeQuery } from '../../../common/http/query-fields';
import { IsOptionalNotNull } from '../../../common/http/validation';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { BroadcastButtonView } from '../queries/broadcast-view';
import {
  BROADCAST_CONTENT_TYPES,
  BROADCAST_STATUSES,
  BroadcastContentType,
  BroadcastStatus,
} from '../persistence/broadcast.entity';

const BUTTONS_EXAMPLE = [[{ text: 'Открыть каталог', url: 'https://marmeladny-dvorik.ru/catalog' }]];

@ApiExtraModels(BroadcastButtonView)
export class CreateBroadcastBody {
  @ApiProperty({
    example: 'Мармелад недели',
    maxLength: 255,
    description: 'For the shop; clients never see it',
  })
  @IsString()
  @Length(1, 255)
  title: string;

  @ApiPropertyOptional({ enum: BROADCAST_CONTENT_TYPES, default: 'text' })
  @IsOptionalNotNull()
  @IsIn(BROADCAST_CONTENT_TYPES)
  contentType?: BroadcastContentType;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '<b>Новинка!</b> Мармеладные мишки со вкусом облепихи.',
    description: 'Telegram HTML: at most 4096 visible characters, or 1024 as the caption of a photo or video',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  text?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Photo or video: a Telegram file_id or an https URL (MEDIA_INVALID otherwise)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  media?: string | null;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'array', items: { $ref: getSchemaPath(BroadcastButtonView) } },
    nullable: true,
    example: BUTTONS_EXAMPLE,
    description: 'Rows (at most 10) of URL buttons (at most 8 a row): { text 1..64, url https }',
  })
  @IsOptional()
  @IsArray()
  buttons?: unknown[] | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The audience; null (default) = all active non-test clients. SEGMENT_NOT_FOUND',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  segmentId?: number | null;

  @ApiPropertyOptional({ default: false, description: 'A test broadcast reaches only test clients' })
  @IsOptionalNotNull()
  @IsBoolean()
  isTest?: boolean;
}

/** Any subset of the fields; `null` clears a nullable one and is refused for the others. */
export class UpdateBroadcastBody extends PartialType(CreateBroadcastBody, { skipNullProperties: false }) {}

export class ScheduleBroadcastBody {
  @ApiProperty({
    example: '2026-03-08T10:00',
    description:
      'ISO date and time in the future: with an offset (`2026-03-08T10:00:00+03:00`, `...Z`) as given, ' +
      'without one in shop time (setting shop.timezone)',
  })
  @IsString()
  @MaxLength(64)
  scheduledAt: string;
}

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value;

export class ListBroadcastsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: `One or more statuses, comma-separated: ${BROADCAST_STATUSES.join(', ')}`,
    example: 'scheduled,sending',
  })
  @IsOptional()
  @Transform(list)
  @IsIn(BROADCAST_STATUSES, { each: true })
  status?: BroadcastStatus[];

  @ApiPropertyOptional()
  @IsOptional()
  @BooleanQuery()
  @IsBoolean()
  isTest?: boolean;

  @ApiPropertyOptional({ description: 'A segment id, or `all` for broadcasts to every client' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'all' ? null : Number(value)))
  @IsInt()
  @Min(1)
  segmentId?: number | null;

  @ApiPropertyOptional({ description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @DateTimeQuery('Created at or after')
  createdFrom?: Date;

  @DateTimeQuery('Created before')
  createdTo?: Date;
}

export class TestSendAnswer {
  @ApiProperty({ description: 'The Telegram chat (your linked account) it went to' }) chatId: number;
  @ApiProperty() messageId: number;
}
