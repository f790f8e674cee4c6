import { adminActor } from '../../../common/auth/admin-actor';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Page } from '../../../common/pagination/page-query.dto';
import { IssueDiscountCommand } from '../commands/issue-discount.command';
import { RedeemDiscountCommand } from '../commands/redeem-discount.command';
import { RevokeDiscountCommand } from '../commands/revoke-discount.command';
import { Redemption } from '../queries/code-answers';
import { DiscountView } from '../queries/discount-view';
import { DiscountDetails, GetDiscountQuery, ListDiscountsQuery } from '../queries/list-discounts.query';
import { ListUsageQuery, UsageView } from '../queries/list-usage.query';
import {
  DiscountDetailsResponse,
  DiscountResponse,
  IssueDiscountBody,
  ListDiscountsQueryDto,
  ListUsageQueryDto,
  RedeemByAdminBody,
  RevokeDiscountBody,
  UsageResponse,
} from './discounts.dto';
import { RedemptionResponse } from './pos-discounts.dto';
import { ApiErrors, ApiListAnswer } from '../../../common/http/api-answers';
import { REDEMPTION_REFUSALS } from './redemption-refusals';

@ApiTags('discounts')
@Controller('api/v1/discounts')
export class DiscountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({
    summary: 'List codes (status as of now), filtered by status, reason, template, client, issue date',
  })
  @ApiListAnswer(DiscountResponse)
  list(@Query() q: ListDiscountsQueryDto): Promise<Page<DiscountView>> {
    return this.queries.execute(
      new ListDiscountsQuery(q.page, q.limit, q.sort, {
        status: q.status,
        reason: q.reason,
        templateId: q.templateId,
        userId: q.userId,
        issuedFrom: q.issuedFrom,
        issuedTo: q.issuedTo,
        isTest: q.isTest,
      }),
    );
  }

  // Declared before `:code`, so "usage" is never read as a code.
  @Get('usage')
  @AnyAdmin()
  @ApiOperation({ summary: 'Usage log: every check and redemption attempt, from every channel' })
  @ApiListAnswer(UsageResponse)
  usage(@Query() q: ListUsageQueryDto): Promise<Page<UsageView>> {
    return this.queries.execute(
      new ListUsageQuery(q.page, q.limit, q.sort, {
        code: q.code,
        userId: q.userId,
        cashierId: q.cashierId,
        channel: q.channel,
        action: q.action,
        terminalId: q.terminalId,
        from: q.from,
        to: q.to,
      }),
    );
  }

  @Get(':code')
  @AnyAdmin()
  @ApiOperation({ summary: 'One code with its template terms and client; DISCOUNT_NOT_FOUND' })
  @ApiOkResponse({ type: DiscountDetailsResponse })
  @ApiErrors(ErrorCode.DISCOUNT_NOT_FOUND)
  get(@Param('code') code: string): Promise<DiscountDetails> {
    return this.queries.execute(new GetDiscountQuery(code));
  }

  @Post()
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary:
      'Issue a code of a template to a client (or a shared code: no userId). GIFT_ALREADY_ISSUED when a ' +
      'recurring template was already given for this period; TEMPLATE_INACTIVE, USER_NOT_FOUND, USER_DELETED',
  })
  @ApiCreatedResponse({ type: DiscountResponse })
  @ApiErrors(
    ErrorCode.GIFT_ALREADY_ISSUED,
    ErrorCode.TEMPLATE_NOT_FOUND,
    ErrorCode.TEMPLATE_INACTIVE,
    ErrorCode.USER_NOT_FOUND,
    ErrorCode.USER_DELETED,
  )
  async issue(@Body() body: IssueDiscountBody, @CurrentAdmin() admin: AdminPrincipal): Promise<DiscountView> {
    const { alreadyIssued, discount } = await this.commands.execute(
      new IssueDiscountCommand({
        userId: body.userId ?? null,
        templateId: body.templateId,
        reason: 'manual',
        issuedByAdminId: admin.id,
        expiresAt: body.expiresAt ?? null,
      }),
    );
    if (alreadyIssued) {
      throw new DomainError(
        ErrorCode.GIFT_ALREADY_ISSUED,
        'The client already has this template for this period',
        {
          discountId: discount.id,
          code: discount.code,
          periodKey: discount.periodKey,
          issuedAt: discount.createdAt,
        },
      );
    }
    return discount;
  }

  @Post(':code/redeem')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({ summary: 'Redeem a code (channel admin), by the same rules as the till and the staff bot' })
  @ApiOkResponse({ type: RedemptionResponse })
  @ApiErrors(...REDEMPTION_REFUSALS, ErrorCode.IDEMPOTENCY_CONFLICT)
  redeem(
    @Param('code') code: string,
    @Body() body: RedeemByAdminBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<Redemption> {
    return this.commands.execute(
      new RedeemDiscountCommand({
        code,
        channel: 'admin',
        adminId: admin.id,
        purchaseAmount: body.purchaseAmount ?? null,
        clientUserId: body.clientUserId ?? null,
        idempotencyKey: body.idempotencyKey ?? null,
      }),
    );
  }

  @Post(':code/revoke')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a code that can still be used (again: no change); CODE_ALREADY_USED, CODE_EXPIRED',
  })
  @ApiOkResponse({ type: DiscountResponse })
  @ApiErrors(ErrorCode.DISCOUNT_NOT_FOUND, ErrorCode.CODE_ALREADY_USED, ErrorCode.CODE_EXPIRED)
  revoke(
    @Param('code') code: string,
    @Body() body: RevokeDiscountBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<DiscountView> {
    return this.commands.execute(new RevokeDiscountCommand(code, adminActor(admin), body.note ?? null));
  }
}
