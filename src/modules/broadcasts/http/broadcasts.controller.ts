import { adminActor } from '../../../common/auth/admin-actor';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { ApiErrors, ApiListAnswer } from '../../../common/http/api-answers';
import { ErrorCode } from '../../../common/errors/error-code';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { Page } from '../../../common/pagination/page-query.dto';
import {
  CreateBroadcastCommand,
  DraftFields,
  UpdateBroadcastCommand,
} from '../commands/broadcast-drafts.commands';
import { CancelBroadcastCommand } from '../commands/cancel-broadcast.command';
import { ScheduleBroadcastCommand } from '../commands/schedule-broadcast.command';
import { SendTestBroadcastCommand } from '../commands/send-test-broadcast.command';
import { readButtons } from '../domain/broadcast-content';
import { BroadcastStats, GetBroadcastStatsQuery } from '../queries/broadcast-stats.query';
import { BroadcastView } from '../queries/broadcast-view';
import { GetBroadcastQuery } from '../queries/get-broadcast.query';
import { ListBroadcastsQuery } from '../queries/list-broadcasts.query';
import {
  CreateBroadcastBody,
  ListBroadcastsQueryDto,
  ScheduleBroadcastBody,
  TestSendAnswer,
  UpdateBroadcastBody,
} from './broadcasts.dto';

/** The fields of a body that the client sent (a PATCH changes only those), buttons read into rows. */
function draftChanges(body: UpdateBroadcastBody): Partial<DraftFields> {
  const sent = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<
    Omit<DraftFields, 'buttons'>
  > & { buttons?: unknown };
  const { buttons, ...rest } = sent;
  return { ...rest, ...(buttons === undefined ? {} : { buttons: readButtons(buttons) }) };
}

@ApiTags('broadcasts')
@Controller('api/v1/broadcasts')
export class BroadcastsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({ summary: 'List broadcasts (filters: status, isTest, segmentId, q, created from/to)' })
  @ApiListAnswer(BroadcastView)
  list(@Query() query: ListBroadcastsQueryDto): Promise<Page<BroadcastView>> {
    const { page, limit, sort, status, isTest, segmentId, q, createdFrom, createdTo } = query;
    return this.queries.execute(
      new ListBroadcastsQuery(page, limit, sort, { status, isTest, segmentId, q, createdFrom, createdTo }),
    );
  }

  @Get(':id')
  @AnyAdmin()
  @ApiOperation({ summary: 'One broadcast; BROADCAST_NOT_FOUND' })
  @ApiOkResponse({ type: BroadcastView })
  @ApiErrors(ErrorCode.BROADCAST_NOT_FOUND)
  get(@Param('id', ParseIntPipe) id: number): Promise<BroadcastView> {
    return this.queries.execute(new GetBroadcastQuery(id));
  }

  @Get(':id/stats')
  @AnyAdmin()
  @ApiOperation({
    summary: 'Delivery progress: target, pending, sending, sent, failed, blocked, unknown, progress %',
  })
  @ApiOkResponse({ type: BroadcastStats })
  @ApiErrors(ErrorCode.BROADCAST_NOT_FOUND)
  stats(@Param('id', ParseIntPipe) id: number): Promise<BroadcastStats> {
    return this.queries.execute(new GetBroadcastStatsQuery(id));
  }

  @Post()
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary: 'Create a draft: text, or a photo / video with a caption, URL buttons, a segment',
    description:
      'BROADCAST_EMPTY, MEDIA_INVALID, SEGMENT_NOT_FOUND, VALIDATION_FAILED (HTML, lengths, buttons)',
  })
  @ApiCreatedResponse({ type: BroadcastView })
  @ApiErrors(ErrorCode.BROADCAST_EMPTY, ErrorCode.MEDIA_INVALID, ErrorCode.SEGMENT_NOT_FOUND)
  async create(
    @Body() body: CreateBroadcastBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<BroadcastView> {
    const changes = draftChanges(body);
    const fields: DraftFields = {
      title: body.title,
      contentType: body.contentType ?? 'text',
      text: changes.text ?? null,
      media: changes.media ?? null,
      buttons: changes.buttons ?? null,
      segmentId: changes.segmentId ?? null,
      isTest: body.isTest ?? false,
    };
    const { id } = await this.commands.execute(new CreateBroadcastCommand(fields, adminActor(admin)));
    return this.queries.execute(new GetBroadcastQuery(id));
  }

  @Patch(':id')
  @Roles('owner', 'marketing')
  @ApiOperation({ summary: 'Change a draft; BROADCAST_NOT_EDITABLE once scheduled or sent' })
  @ApiOkResponse({ type: BroadcastView })
  @ApiErrors(
    ErrorCode.BROADCAST_NOT_FOUND,
    ErrorCode.BROADCAST_NOT_EDITABLE,
    ErrorCode.BROADCAST_EMPTY,
    ErrorCode.MEDIA_INVALID,
    ErrorCode.SEGMENT_NOT_FOUND,
  )
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateBroadcastBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<BroadcastView> {
    await this.commands.execute(new UpdateBroadcastCommand(id, draftChanges(body), adminActor(admin)));
    return this.queries.execute(new GetBroadcastQuery(id));
  }

  @Post(':id/schedule')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Plan a draft (or move a scheduled one) to a future time; without an offset, shop time',
    description: 'BROADCAST_SCHEDULE_IN_PAST, BROADCAST_NOT_EDITABLE, BROADCAST_EMPTY',
  })
  @ApiOkResponse({ type: BroadcastView })
  @ApiErrors(
    ErrorCode.BROADCAST_NOT_FOUND,
    ErrorCode.BROADCAST_SCHEDULE_IN_PAST,
    ErrorCode.BROADCAST_NOT_EDITABLE,
    ErrorCode.BROADCAST_EMPTY,
  )
  async schedule(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ScheduleBroadcastBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<BroadcastView> {
    await this.commands.execute(new ScheduleBroadcastCommand(id, body.scheduledAt, adminActor(admin)));
    return this.queries.execute(new GetBroadcastQuery(id));
  }

  @Post(':id/send')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a draft or a scheduled broadcast now (sending starts within seconds)' })
  @ApiOkResponse({ type: BroadcastView })
  @ApiErrors(ErrorCode.BROADCAST_NOT_FOUND, ErrorCode.BROADCAST_NOT_EDITABLE, ErrorCode.BROADCAST_EMPTY)
  async send(
    @Param('id', ParseIntPipe) id: number,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<BroadcastView> {
    await this.commands.execute(new ScheduleBroadcastCommand(id, 'now', adminActor(admin)));
    return this.queries.execute(new GetBroadcastQuery(id));
  }

  @Post(':id/cancel')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a scheduled or sending broadcast: the rest is never sent, what was sent stays sent',
  })
  @ApiOkResponse({ type: BroadcastView })
  @ApiErrors(ErrorCode.BROADCAST_NOT_FOUND, ErrorCode.BROADCAST_NOT_EDITABLE)
  async cancel(
    @Param('id', ParseIntPipe) id: number,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<BroadcastView> {
    await this.commands.execute(new CancelBroadcastCommand(id, adminActor(admin)));
    return this.queries.execute(new GetBroadcastQuery(id));
  }

  @Post(':id/test')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({
    summary: "Send it once to the calling admin's linked Telegram account, as clients will see it",
    description: 'TELEGRAM_UNAVAILABLE when no Telegram account is linked or Telegram refuses',
  })
  @ApiOkResponse({ type: TestSendAnswer })
  @ApiErrors(ErrorCode.BROADCAST_NOT_FOUND, ErrorCode.BROADCAST_EMPTY, ErrorCode.TELEGRAM_UNAVAILABLE)
  test(
    @Param('id', ParseIntPipe) id: number,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<TestSendAnswer> {
    return this.commands.execute(new SendTestBroadcastCommand(id, admin.telegramId, adminActor(admin)));
  }
}
