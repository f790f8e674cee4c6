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
  StreamableFile,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { ApiErrors, ApiListAnswer } from '../../../common/http/api-answers';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { errorBody } from '../../../common/http/error-body';
import { Page } from '../../../common/pagination/page-query.dto';
import { BulkTagResult, BulkTagUsersCommand, BulkTarget } from '../commands/bulk-tag-users.command';
import { DeleteUserCommand } from '../commands/delete-user.command';
import { UpdateUserCommand } from '../commands/update-user.command';
import { ExportUsersQuery } from '../queries/export-users.query';
import { GetUserQuery, UserDetailView } from '../queries/get-user.query';
import { ListUsersQuery } from '../queries/list-users.query';
import { UserListFilter } from '../queries/user-list-filter';
import { UserView } from '../queries/user-view';
import {
  BulkTagsBody,
  BulkTagsResponse,
  ListUsersQueryDto,
  UpdateUserBody,
  UserDetailResponse,
  UserFilterDto,
  UserResponse,
} from './users.dto';

/** The query string's filters, without paging. */
function filterOf(query: UserFilterDto): UserListFilter {
  const { q, tags, tagsMatch, source, subscribed, status, birthMonth, isTest, hasActiveDiscount } = query;
  const { registeredFrom, registeredTo, lastActivityBefore, lastActivityAfter } = query;
  return {
    q,
    tags,
    tagsMatch,
    source,
    subscribed,
    status,
    birthMonth,
    registeredFrom,
    registeredTo,
    lastActivityBefore,
    lastActivityAfter,
    hasActiveDiscount,
    isTest,
  };
}

@ApiTags('users')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({
    summary: 'List clients with filters (any admin)',
    description:
      'Defaults: active, non-test clients (`status` / `isTest` ask for others: blocked, deleted, test); ' +
      'sorted by `-createdAt`. `sort`: id, createdAt, lastActivityAt, firstName, username, birthDate.',
  })
  @ApiListAnswer(UserResponse)
  @ApiErrors(ErrorCode.SEGMENT_FILTER_INVALID)
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.queries.execute(new ListUsersQuery(filterOf(query), query.page, query.limit, query.sort));
  }

  // Declared before `:id`, so `export.csv` is not read as an id.
  @Get('export.csv')
  @AnyAdmin()
  @ApiOperation({
    summary: 'Download the filtered clients as CSV (any admin)',
    description:
      'The list filters and defaults; clients in id order. UTF-8 with BOM, `;` separator, CRLF, Russian header ' +
      'row, times in shop time. Streamed: never held in memory whole. Audited as users.exported.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file (Content-Disposition: attachment; filename="users-YYYY-MM-DD.csv")',
    content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(ErrorCode.SEGMENT_FILTER_INVALID)
  async export(
    @Query() query: UserFilterDto,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<StreamableFile> {
    const csv = await this.queries.execute(new ExportUsersQuery(filterOf(query), adminActor(admin)));
    const day = this.clock.now().toISOString().slice(0, 10);
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="users-${day}.csv"`,
    }).setErrorHandler(failedExport);
  }

  @Get(':id')
  @AnyAdmin()
  @ApiOperation({ summary: "A client's card with codes and redemptions (any admin); USER_NOT_FOUND" })
  @ApiOkResponse({ type: UserDetailResponse })
  @ApiErrors(ErrorCode.USER_NOT_FOUND)
  get(@Param('id', ParseIntPipe) id: number): Promise<UserDetailView> {
    return this.queries.execute(new GetUserQuery(id));
  }

  @Patch(':id')
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary: 'Change tags, notes, birth date or the test flag (owner, marketing)',
    description:
      'TAG_TOO_MANY, TAG_INVALID, BIRTH_DATE_INVALID, USER_NOT_FOUND, USER_DELETED. Audited as user.updated.',
  })
  @ApiOkResponse({ type: UserDetailResponse })
  @ApiErrors(
    ErrorCode.USER_NOT_FOUND,
    ErrorCode.USER_DELETED,
    ErrorCode.TAG_TOO_MANY,
    ErrorCode.TAG_INVALID,
    ErrorCode.BIRTH_DATE_INVALID,
  )
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateUserBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<UserDetailView> {
    await this.commands.execute(new UpdateUserCommand(id, body, adminActor(admin)));
    return this.queries.execute(new GetUserQuery(id));
  }

  @Delete(':id')
  @Roles('owner')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a client by anonymising them (owner)',
    description:
      'Names, username, birth date, notes and tags cleared, status `deleted`, Telegram id kept only as a SHA-256 ' +
      'hash (the person can register again as new); codes and redemptions stay. USER_NOT_FOUND, USER_DELETED.',
  })
  @ApiNoContentResponse({ description: 'Deleted (anonymised)' })
  @ApiErrors(ErrorCode.USER_NOT_FOUND, ErrorCode.USER_DELETED)
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    await this.commands.execute(new DeleteUserCommand(id, adminActor(admin)));
  }

  @Post('bulk/tags')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add / remove tags on many clients (owner, marketing)',
    description:
      'Exactly one target: `userIds`, `segmentId` or `filter`. Runs synchronously in batches of 500 (keyset by ' +
      'id, one UPDATE per batch) and answers with the counts. A segment or filter means active, non-test ' +
      'clients unless its rules say otherwise; deleted clients are never touched; a client who would pass 20 ' +
      'tags is skipped. TAG_INVALID, TAG_TOO_MANY, SEGMENT_NOT_FOUND, SEGMENT_FILTER_INVALID. Audited as users.bulk_tags.',
  })
  @ApiOkResponse({ type: BulkTagsResponse })
  @ApiErrors(
    ErrorCode.TAG_INVALID,
    ErrorCode.TAG_TOO_MANY,
    ErrorCode.SEGMENT_NOT_FOUND,
    ErrorCode.SEGMENT_FILTER_INVALID,
  )
  bulkTags(@Body() body: BulkTagsBody, @CurrentAdmin() admin: AdminPrincipal): Promise<BulkTagResult> {
    return this.commands.execute(
      new BulkTagUsersCommand(body.add ?? [], body.remove ?? [], targetOf(body), adminActor(admin)),
    );
  }
}

/**
 * A CSV stream that fails (the database went away): before the first byte, the usual error body, never
 * the driver's message; after it, the connection is cut, so the client sees a failed download rather
 * than a short file that looks complete. Nest logs the error.
 */
function failedExport(_error: Error, response: Parameters<StreamableFile['errorHandler']>[1]): void {
  if (response.destroyed) return;
  if (response.headersSent) {
    response.destroy?.();
    return;
  }
  const express = response as unknown as Response;
  express.removeHeader('Content-Disposition');
  express
    .status(500)
    .type('application/json')
    .send(
      JSON.stringify(
        errorBody(ErrorCode.INTERNAL_ERROR, 'The export failed; the request id is in X-Request-Id'),
      ),
    );
}

function targetOf(body: BulkTagsBody): BulkTarget {
  const targets = (['userIds', 'segmentId', 'filter'] as const).filter((key) => body[key] !== undefined);
  if (targets.length !== 1) {
    const message = 'Give exactly one target: userIds, segmentId or filter';
    throw new DomainError(ErrorCode.VALIDATION_FAILED, message, {
      fields: [{ field: 'target', errors: [message] }],
    });
  }
  if (body.userIds) return { userIds: body.userIds };
  if (body.segmentId !== undefined) return { segmentId: body.segmentId };
  return { filter: body.filter };
}
