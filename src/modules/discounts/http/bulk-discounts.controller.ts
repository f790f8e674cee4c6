import { adminActor } from '../../../common/auth/admin-actor';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { Roles } from '../../../common/auth/access.decorators';
import { ApiErrors } from '../../../common/http/api-answers';
import { ErrorCode } from '../../../common/errors/error-code';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { StartBulkIssueCommand } from '../commands/bulk-issue.commands';
import { BulkIssueBody, JobStartedResponse } from './discounts.dto';

/** The bulk issue lives under /users (SPEC 5) but is the discounts module's use case. */
@ApiTags('users')
@Controller('api/v1/users/bulk')
export class BulkDiscountsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('discounts')
  @Roles('owner', 'marketing')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Issue a template to client ids or a segment as a background job; poll GET /api/v1/jobs/{jobId} for ' +
      'progress and the result { total, issued, skipped, failed }',
  })
  @ApiAcceptedResponse({ type: JobStartedResponse })
  @ApiErrors(ErrorCode.TEMPLATE_NOT_FOUND, ErrorCode.TEMPLATE_INACTIVE, ErrorCode.SEGMENT_NOT_FOUND)
  start(@Body() body: BulkIssueBody, @CurrentAdmin() admin: AdminPrincipal): Promise<{ jobId: string }> {
    return this.commands.execute(
      new StartBulkIssueCommand(
        { templateId: body.templateId, userIds: body.userIds, segmentId: body.segmentId },
        adminActor(admin),
      ),
    );
  }
}
