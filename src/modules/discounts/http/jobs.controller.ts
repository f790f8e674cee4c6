import { adminActor } from '../../../common/auth/admin-actor';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { ApiErrors, ApiListAnswer } from '../../../common/http/api-answers';
import { ErrorCode } from '../../../common/errors/error-code';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { Page } from '../../../common/pagination/page-query.dto';
import { RetryJobCommand } from '../commands/retry-job.command';
import { GetJobQuery, JobView } from '../queries/get-job.query';
import { JobSummary, ListJobsQuery } from '../queries/list-jobs.query';
import { JobResponse } from './discounts.dto';
import { JobListQueryDto, JobSummaryResponse } from './jobs.dto';

/** Background jobs of any queue (bulk issue today); generic, kept here until a module of its own needs it. */
@ApiTags('jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({
    summary:
      "Jobs of every queue in one state (default failed), newest first, with a summary of each job's data",
  })
  @ApiListAnswer(JobSummaryResponse)
  list(@Query() query: JobListQueryDto): Promise<Page<JobSummary>> {
    return this.queries.execute(new ListJobsQuery(query.status, query.page, query.limit));
  }

  @Get(':id')
  @AnyAdmin()
  @ApiOperation({ summary: "A background job's state, progress and result; JOB_NOT_FOUND" })
  @ApiOkResponse({ type: JobResponse })
  @ApiErrors(ErrorCode.JOB_NOT_FOUND)
  get(@Param('id') id: string): Promise<JobView> {
    return this.queries.execute(new GetJobQuery(id));
  }

  @Post(':id/retry')
  @Roles('owner')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a failed job again with a fresh set of attempts; JOB_NOT_FOUND, JOB_NOT_FAILED (409)',
  })
  @ApiOkResponse({ type: JobResponse })
  @ApiErrors(ErrorCode.JOB_NOT_FOUND, ErrorCode.JOB_NOT_FAILED)
  retry(@Param('id') id: string, @CurrentAdmin() admin: AdminPrincipal): Promise<JobView> {
    return this.commands.execute(new RetryJobCommand(id, adminActor(admin)));
  }
}
