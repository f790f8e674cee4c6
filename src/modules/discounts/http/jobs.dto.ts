import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { LISTED_JOB_STATES, ListedJobState } from '../queries/list-jobs.query';

/** `status` (default failed), `page`, `limit`; `sort` is ignored: newest first. */
export class JobListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LISTED_JOB_STATES, default: 'failed' })
  @IsOptional()
  @IsIn(LISTED_JOB_STATES)
  status: ListedJobState = 'failed';
}

export class JobSummaryResponse {
  @ApiProperty({ example: 'bulk-3f9c0a1b2d4e5f60' }) id: string;
  @ApiProperty({ example: 'maintenance' }) queue: string;
  @ApiProperty({ example: 'discounts.bulk-issue' }) name: string;
  @ApiProperty({ enum: LISTED_JOB_STATES }) state: string;
  @ApiProperty({ type: String, nullable: true, example: 'Template #4 is switched off' })
  failedReason: string | null;
  @ApiProperty() attemptsMade: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) processedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
  @ApiProperty({
    example: { templateId: 4, userIds: '[1200 items]', batchKey: 'bulk-3f9c0a1b2d4e5f60', adminId: 1 },
    description: 'The payload, long arrays and strings shortened',
  })
  data: Record<string, unknown>;
}
