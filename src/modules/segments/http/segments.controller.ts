import { adminActor } from '../../../common/auth/admin-actor';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { ApiErrors, ApiListAnswer } from '../../../common/http/api-answers';
import { ErrorCode } from '../../../common/errors/error-code';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { Page, PageQueryDto } from '../../../common/pagination/page-query.dto';
import {
  CreateSegmentCommand,
  DeleteSegmentCommand,
  UpdateSegmentCommand,
} from '../commands/segment-commands';
import { CountSegmentQuery } from '../queries/resolve-segment.query';
import {
  GetSegmentQuery,
  ListSegmentsQuery,
  PreviewSegmentQuery,
  SegmentPreview,
} from '../queries/segment-queries';
import { SegmentView } from '../queries/segment-view';
import {
  CreateSegmentBody,
  PreviewSegmentBody,
  SegmentCountResponse,
  SegmentPreviewResponse,
  SegmentResponse,
  UpdateSegmentBody,
} from './segments.dto';

@ApiTags('segments')
@Controller('api/v1/segments')
export class SegmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({
    summary: 'Saved segments, system ones included (any admin); sort: id, name, createdAt, updatedAt',
  })
  @ApiListAnswer(SegmentResponse)
  list(@Query() query: PageQueryDto): Promise<Page<SegmentView>> {
    return this.queries.execute(new ListSegmentsQuery(query.page, query.limit, query.sort));
  }

  @Post('preview')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Count and the newest 20 clients of a filter, without saving it (owner, marketing)',
    description:
      'SEGMENT_FILTER_INVALID with `details.path`. A POST (the filter is a JSON tree), so not for readonly.',
  })
  @ApiOkResponse({ type: SegmentPreviewResponse })
  @ApiErrors(ErrorCode.SEGMENT_FILTER_INVALID)
  preview(@Body() body: PreviewSegmentBody): Promise<SegmentPreview> {
    return this.queries.execute(new PreviewSegmentQuery(body.filter));
  }

  @Get(':id')
  @AnyAdmin()
  @ApiOperation({ summary: 'One segment (any admin); SEGMENT_NOT_FOUND' })
  @ApiOkResponse({ type: SegmentResponse })
  @ApiErrors(ErrorCode.SEGMENT_NOT_FOUND)
  get(@Param('id', ParseIntPipe) id: number): Promise<SegmentView> {
    return this.queries.execute(new GetSegmentQuery(id));
  }

  @Get(':id/count')
  @AnyAdmin()
  @ApiOperation({ summary: 'How many clients a saved segment selects now (any admin); SEGMENT_NOT_FOUND' })
  @ApiOkResponse({ type: SegmentCountResponse })
  @ApiErrors(ErrorCode.SEGMENT_NOT_FOUND)
  async count(@Param('id', ParseIntPipe) id: number): Promise<{ segmentId: number; count: number }> {
    return { segmentId: id, count: await this.queries.execute(new CountSegmentQuery({ segmentId: id })) };
  }

  @Post()
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary: 'Save a segment (owner, marketing)',
    description:
      'SEGMENT_FILTER_INVALID with `details.path`; VALIDATION_FAILED on `name` when the name is taken.',
  })
  @ApiCreatedResponse({ type: SegmentResponse })
  @ApiErrors(ErrorCode.SEGMENT_FILTER_INVALID)
  async create(@Body() body: CreateSegmentBody, @CurrentAdmin() admin: AdminPrincipal): Promise<SegmentView> {
    const { id } = await this.commands.execute(new CreateSegmentCommand(body, adminActor(admin)));
    return this.queries.execute(new GetSegmentQuery(id));
  }

  @Patch(':id')
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary: 'Change a segment (owner, marketing)',
    description:
      'SEGMENT_NOT_FOUND; FORBIDDEN_ROLE for a system segment (read-only for everyone); SEGMENT_FILTER_INVALID.',
  })
  @ApiOkResponse({ type: SegmentResponse })
  @ApiErrors(ErrorCode.SEGMENT_NOT_FOUND, ErrorCode.FORBIDDEN_ROLE, ErrorCode.SEGMENT_FILTER_INVALID)
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateSegmentBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<SegmentView> {
    await this.commands.execute(new UpdateSegmentCommand(id, body, adminActor(admin)));
    return this.queries.execute(new GetSegmentQuery(id));
  }

  @Delete(':id')
  @Roles('owner', 'marketing')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a segment (owner, marketing)',
    description:
      'SEGMENT_IN_USE while a broadcast points at it; FORBIDDEN_ROLE for a system segment; SEGMENT_NOT_FOUND.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ErrorCode.SEGMENT_NOT_FOUND, ErrorCode.FORBIDDEN_ROLE, ErrorCode.SEGMENT_IN_USE)
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    await this.commands.execute(new DeleteSegmentCommand(id, adminActor(admin)));
  }
}
