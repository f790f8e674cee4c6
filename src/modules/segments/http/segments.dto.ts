import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';

const FILTER_DESCRIPTION =
  'Rule tree `{ "all": [...] }` / `{ "any": [...] }` (nested at most 5 deep, at most 50 rules) of rules ' +
  '`{ field, op, value }`: tags any|all|none [..]; source eq|neq|in; isSubscribed eq bool; status eq|in ' +
  '(active, blocked, deleted); isTest eq bool; birthday inCurrentMonth | month 1..12 | withinDays 0..366 (from ' +
  'today, shop time; 29.02 counts on 28.02 in common years); registeredAt / lastActivityAt withinLastDays N | ' +
  'olderThanDays N (lastActivityAt: never-active clients included) | after D | before D | between [D, D] (D: ' +
  '`YYYY-MM-DD` = a whole shop day, or a date-time); discountsCount / redemptionsCount gte|lte|eq N with an ' +
  'optional `reason`; hasActiveDiscount eq bool. Without a `status` / `isTest` rule a segment means active, ' +
  'non-test clients. SEGMENT_FILTER_INVALID names the bad rule in `details.path` (e.g. `all[1].any[0].op`).';

const FILTER_EXAMPLE = {
  all: [
    { field: 'isSubscribed', op: 'eq', value: true },
    {
      any: [
        { field: 'tags', op: 'any', value: ['vip'] },
        { field: 'redemptionsCount', op: 'gte', value: 3 },
      ],
    },
  ],
};

export class CreateSegmentBody {
  @ApiProperty({ example: 'Постоянные подписчики', description: '1..128 characters, unique (in any case)' })
  @IsString()
  @Length(1, 128)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string | null;

  @ApiProperty({ type: Object, description: FILTER_DESCRIPTION, example: FILTER_EXAMPLE })
  @IsObject()
  filter: Record<string, unknown>;
}

export class UpdateSegmentBody {
  @ApiPropertyOptional({ description: '1..128 characters, unique (in any case)' })
  @ValidateIf((body: UpdateSegmentBody) => body.name !== undefined)
  @IsString()
  @Length(1, 128)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string | null;

  @ApiPropertyOptional({ type: Object, description: FILTER_DESCRIPTION })
  @ValidateIf((body: UpdateSegmentBody) => body.filter !== undefined)
  @IsObject()
  filter?: Record<string, unknown>;
}

export class PreviewSegmentBody {
  @ApiProperty({ type: Object, description: FILTER_DESCRIPTION, example: FILTER_EXAMPLE })
  @IsObject()
  filter: Record<string, unknown>;
}

export class SegmentResponse {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: Object, example: FILTER_EXAMPLE }) filter: object;
  @ApiProperty({ description: 'Seeded by the migrations; read-only' }) isSystem: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class PreviewClientResponse {
  @ApiProperty() id: number;
  @ApiProperty({ type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ type: String, nullable: true }) username: string | null;
  @ApiProperty() status: string;
  @ApiProperty() isSubscribed: boolean;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() createdAt: Date;
}

export class SegmentPreviewResponse {
  @ApiProperty({ description: 'Clients the filter selects now' }) count: number;
  @ApiProperty({ type: [PreviewClientResponse], description: 'The newest 20 of them' })
  users: PreviewClientResponse[];
}

export class SegmentCountResponse {
  @ApiProperty() segmentId: number;
  @ApiProperty({ description: 'Clients the segment selects now' }) count: number;
}
