import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AnyAdmin } from '../../../common/auth/access.decorators';
import { Page, PageQueryDto } from '../../../common/pagination/page-query.dto';
import { ApiListAnswer } from '../../../common/http/api-answers';
import { AUDIT_ACTOR_TYPES } from '../persistence/audit-log.entity';
import { AuditLogResponse } from './audit-log.dto';
import { AuditLog } from '../persistence/audit-log.entity';
import { ListAuditLogsQuery } from '../queries/list-audit-logs.query';

export class AuditLogsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTOR_TYPES })
  @IsOptional()
  @IsIn(AUDIT_ACTOR_TYPES)
  actorType?: string;

  @ApiPropertyOptional({ description: 'An admin, cashier or user id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actorId?: string;

  @ApiPropertyOptional({ description: 'Exact (`discount.redeemed`) or a family ending in a dot (`admin.`)' })
  @IsOptional()
  @Matches(/^[a-z_]+(\.[a-z_]*)?$/)
  action?: string;

  @ApiPropertyOptional({ example: 'discount' })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({
    description: 'ISO time (with offset), inclusive',
    example: '2026-11-01T00:00:00+10:00',
  })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO time (with offset), exclusive' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

@ApiTags('audit')
@Controller('api/v1/audit-logs')
export class AuditLogsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({ summary: 'The audit log, newest first (`sort=createdAt` for oldest first), with filters' })
  @ApiListAnswer(AuditLogResponse)
  list(@Query() query: AuditLogsQueryDto): Promise<Page<AuditLog>> {
    const { page, limit, sort, from, to, ...filter } = query;
    return this.queries.execute(
      new ListAuditLogsQuery(
        { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
        page,
        limit,
        sort === 'createdAt',
      ),
    );
  }
}
