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
import { Page } from '../../../common/pagination/page-query.dto';
import {
  CreateTemplateCommand,
  DeleteTemplateCommand,
  TemplateFields,
  UpdateTemplateCommand,
} from '../commands/discount-template.commands';
import { GetTemplateQuery, ListTemplatesQuery } from '../queries/list-templates.query';
import { TemplateView } from '../queries/template-view';
import {
  CreateTemplateBody,
  ListTemplatesQueryDto,
  TemplateResponse,
  UpdateTemplateBody,
} from './discount-templates.dto';

/** Fields the client sent, without the ones it left out (a PATCH changes only those). */
const sent = <T extends object>(body: T): Partial<T> =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;

@ApiTags('discount-templates')
@Controller('api/v1/discount-templates')
export class DiscountTemplatesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({ summary: 'List discount templates' })
  @ApiListAnswer(TemplateResponse)
  list(@Query() query: ListTemplatesQueryDto): Promise<Page<TemplateView>> {
    return this.queries.execute(
      new ListTemplatesQuery(query.page, query.limit, query.sort, {
        purpose: query.purpose,
        isActive: query.isActive,
      }),
    );
  }

  @Get(':id')
  @AnyAdmin()
  @ApiOperation({ summary: 'One template; TEMPLATE_NOT_FOUND' })
  @ApiOkResponse({ type: TemplateResponse })
  @ApiErrors(ErrorCode.TEMPLATE_NOT_FOUND)
  get(@Param('id', ParseIntPipe) id: number): Promise<TemplateView> {
    return this.queries.execute(new GetTemplateQuery(id));
  }

  @Post()
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary: 'Create a template: percent 1..100 or fixed kopecks, single or shared, lifetime, recurrence',
  })
  @ApiCreatedResponse({ type: TemplateResponse })
  async create(
    @Body() body: CreateTemplateBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<TemplateView> {
    const fields: TemplateFields = {
      name: body.name,
      purpose: body.purpose ?? 'manual',
      kind: body.kind,
      value: body.value,
      usage: body.usage ?? 'single',
      maxRedemptions: body.maxRedemptions ?? null,
      validDays: body.validDays ?? null,
      recurrence: body.recurrence ?? 'none',
      recurrenceDays: body.recurrenceDays ?? null,
      minPurchase: body.minPurchase ?? null,
      description: body.description ?? null,
      isActive: body.isActive ?? true,
    };
    const { id } = await this.commands.execute(new CreateTemplateCommand(fields, adminActor(admin)));
    return this.queries.execute(new GetTemplateQuery(id));
  }

  @Patch(':id')
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary: 'Change a template (issued codes keep their value); isActive false switches it off',
  })
  @ApiOkResponse({ type: TemplateResponse })
  @ApiErrors(ErrorCode.TEMPLATE_NOT_FOUND, ErrorCode.TEMPLATE_IN_USE)
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: UpdateTemplateBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<TemplateView> {
    await this.commands.execute(
      new UpdateTemplateCommand(id, sent(body) as Partial<TemplateFields>, adminActor(admin)),
    );
    return this.queries.execute(new GetTemplateQuery(id));
  }

  @Delete(':id')
  @Roles('owner', 'marketing')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete an unused template; TEMPLATE_IN_USE when codes or a gift setting use it (deactivate it instead)',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ErrorCode.TEMPLATE_NOT_FOUND, ErrorCode.TEMPLATE_IN_USE)
  async remove(@Param('id', ParseIntPipe) id: number, @CurrentAdmin() admin: AdminPrincipal): Promise<void> {
    await this.commands.execute(new DeleteTemplateCommand(id, adminActor(admin)));
  }
}
