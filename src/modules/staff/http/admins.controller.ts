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
import { Roles } from '../../../common/auth/access.decorators';
import { ErrorCode } from '../../../common/errors/error-code';
import { ApiErrors, ApiListAnswer } from '../../../common/http/api-answers';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { Page } from '../../../common/pagination/page-query.dto';
import { CreateAdminCommand } from '../commands/create-admin.command';
import { DeleteAdminCommand } from '../commands/delete-admin.command';
import { ResetAdminPasswordCommand } from '../commands/reset-admin-password.command';
import { UpdateAdminCommand } from '../commands/update-admin.command';
import { AdminView, GetAdminQuery, ListAdminsQuery } from '../queries/list-admins.query';
import {
  AdminResponse,
  CreateAdminBody,
  ListAdminsQueryDto,
  ResetPasswordBody,
  UpdateAdminBody,
} from './admins.dto';

@ApiTags('admins')
@Roles('owner')
@Controller('api/v1/admins')
export class AdminsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List admins (owner)' })
  @ApiListAnswer(AdminResponse)
  list(@Query() query: ListAdminsQueryDto): Promise<Page<AdminView>> {
    return this.queries.execute(new ListAdminsQuery(query.page, query.limit, query.sort, query.role));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One admin (owner); ADMIN_NOT_FOUND' })
  @ApiOkResponse({ type: AdminResponse })
  @ApiErrors(ErrorCode.ADMIN_NOT_FOUND)
  get(@Param('id', ParseIntPipe) id: number): Promise<AdminView> {
    return this.queries.execute(new GetAdminQuery(id));
  }

  @Post()
  @ApiOperation({ summary: 'Create an admin (owner); ADMIN_USERNAME_TAKEN' })
  @ApiCreatedResponse({ type: AdminResponse })
  @ApiErrors(ErrorCode.ADMIN_USERNAME_TAKEN)
  async create(@Body() body: CreateAdminBody, @CurrentAdmin() admin: AdminPrincipal): Promise<AdminView> {
    const { id } = await this.commands.execute(
      new CreateAdminCommand(body.username, body.password, body.role, adminActor(admin)),
    );
    return this.queries.execute(new GetAdminQuery(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change role or active flag (owner); LAST_OWNER keeps one active owner' })
  @ApiOkResponse({ type: AdminResponse })
  @ApiErrors(ErrorCode.ADMIN_NOT_FOUND, ErrorCode.LAST_OWNER)
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateAdminBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<AdminView> {
    await this.commands.execute(new UpdateAdminCommand(id, body, adminActor(admin)));
    return this.queries.execute(new GetAdminQuery(id));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: "Reset an admin's password (owner)" })
  @ApiNoContentResponse({ description: 'Changed; the old password no longer works' })
  @ApiErrors(ErrorCode.ADMIN_NOT_FOUND)
  async resetPassword(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: ResetPasswordBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<void> {
    await this.commands.execute(new ResetAdminPasswordCommand(id, body.password, adminActor(admin)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an admin (owner); LAST_OWNER for the last active owner' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ErrorCode.ADMIN_NOT_FOUND, ErrorCode.LAST_OWNER)
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    await this.commands.execute(new DeleteAdminCommand(id, adminActor(admin)));
  }
}
