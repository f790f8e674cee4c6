import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyAdmin } from '../../../common/auth/access.decorators';
import { GetJobQuery, JobView } from '../queries/get-job.query';
import { JobResponse } from './discounts.dto';

/** Background jobs of any queue (bulk issue today); generic, kept here until a module of its own needs it. */
@ApiTags('jobs')
@Controller('api/v1/jobs')
export class JobsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @AnyAdmin()
  @ApiOperation({ summary: "A background job's state, progress and result; JOB_NOT_FOUND" })
  @ApiOkResponse({ type: JobResponse })
  get(@Param('id') id: string): Promise<JobView> {
    return this.queries.execute(new GetJobQuery(id));
  }
}
