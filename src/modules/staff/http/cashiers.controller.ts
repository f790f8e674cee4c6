import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { ErrorCode } from '../../../common/errors/error-code';
import { ApiErrors, ApiListAnswer } from '../../../common/http/api-answers';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { Page } from '../../../common/pagination/page-query.dto';
import { DecideCashierCommand } from '../commands/decide-cashier.command';
import { RevokeCashierCommand } from '../commands/revoke-cashier.command';
import { CashierView } from '../queries/cashier-view';
import { ListCashiersQuery } from '../queries/list-cashiers.query';
import { CashierResponse, ListCashiersQueryDto } from './cashiers.dto';

@ApiTags('cashiers')
@Controller('api/v1/cashiers')
export class CashiersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({
    summary: 'List cashiers, filtered by status and by part of the name',
    description:
      'sort: id, fullName, status, createdAt or decidedAt (`-` for descending); default -createdAt',
  })
  @ApiListAnswer(CashierResponse)
  list(@Query() query: ListCashiersQueryDto): Promise<Page<CashierView>> {
    return this.queries.execute(
      new ListCashiersQuery({ status: query.status, q: query.q }, query.page, query.limit, query.sort),
    );
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({ summary: 'Approve a pending application; the cashier is told in the staff bot' })
  @ApiOkResponse({ type: CashierResponse })
  @ApiErrors(ErrorCode.CASHIER_NOT_FOUND, ErrorCode.CASHIER_ALREADY_DECIDED)
  approve(
    @Param('id', ParseIntPipe) id: number,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<CashierView> {
    return this.commands.execute(new DecideCashierCommand(id, 'approve', admin.id));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({ summary: 'Reject a pending application; the applicant is told in the staff bot' })
  @ApiOkResponse({ type: CashierResponse })
  @ApiErrors(ErrorCode.CASHIER_NOT_FOUND, ErrorCode.CASHIER_ALREADY_DECIDED)
  reject(@Param('id', ParseIntPipe) id: number, @CurrentAdmin() admin: AdminPrincipal): Promise<CashierView> {
    return this.commands.execute(new DecideCashierCommand(id, 'reject', admin.id));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('owner')
  @ApiOperation({
    summary: 'Revoke an approved cashier (or a pending application): no access from their next message on',
  })
  @ApiOkResponse({ type: CashierResponse })
  @ApiErrors(ErrorCode.CASHIER_NOT_FOUND, ErrorCode.CASHIER_ALREADY_DECIDED)
  revoke(@Param('id', ParseIntPipe) id: number, @CurrentAdmin() admin: AdminPrincipal): Promise<CashierView> {
    return this.commands.execute(new RevokeCashierCommand(id, admin.id));
  }
}
