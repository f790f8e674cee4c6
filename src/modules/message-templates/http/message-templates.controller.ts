import { adminActor } from '../../../common/auth/admin-actor';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { ApiErrors } from '../../../common/http/api-answers';
import { ErrorCode } from '../../../common/errors/error-code';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { UpdateMessageTemplateCommand } from '../commands/update-message-template.command';
import {
  GetMessageTemplateQuery,
  ListMessageTemplatesQuery,
  MessageTemplateView,
} from '../queries/message-template-views.query';
import { PreviewMessageQuery } from '../queries/preview-message.query';
import {
  MessageTemplateResponse,
  PreviewMessageBody,
  PreviewResponse,
  UpdateMessageTemplateBody,
} from './message-templates.dto';

@ApiTags('message-templates')
@Controller('api/v1/message-templates')
export class MessageTemplatesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({ summary: "The bots' message templates with the placeholders each may use" })
  @ApiOkResponse({ type: [MessageTemplateResponse] })
  list(): Promise<MessageTemplateView[]> {
    return this.queries.execute(new ListMessageTemplatesQuery());
  }

  @Get(':key')
  @AnyAdmin()
  @ApiOperation({ summary: 'One message template; MESSAGE_TEMPLATE_NOT_FOUND' })
  @ApiOkResponse({ type: MessageTemplateResponse })
  @ApiErrors(ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND)
  get(@Param('key') key: string): Promise<MessageTemplateView> {
    return this.queries.execute(new GetMessageTemplateQuery(key));
  }

  @Put(':key')
  @Roles('owner', 'marketing')
  @ApiOperation({
    summary: 'Change a template text',
    description:
      'PLACEHOLDER_UNKNOWN for a placeholder the key does not provide; VALIDATION_FAILED (details.fields) for HTML Telegram would refuse. The bots use the new text at once.',
  })
  @ApiOkResponse({ type: MessageTemplateResponse })
  @ApiErrors(ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND, ErrorCode.PLACEHOLDER_UNKNOWN)
  async update(
    @Param('key') key: string,
    @Body() body: UpdateMessageTemplateBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<MessageTemplateView> {
    await this.commands.execute(new UpdateMessageTemplateCommand(key, body.text, adminActor(admin)));
    return this.queries.execute(new GetMessageTemplateQuery(key));
  }

  @Post(':key/preview')
  @Roles('owner', 'marketing')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Render the stored text or a draft with sample data, checked as a save would be (nothing is saved)',
  })
  @ApiOkResponse({ type: PreviewResponse })
  @ApiErrors(ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND, ErrorCode.PLACEHOLDER_UNKNOWN)
  preview(
    @Param('key') key: string,
    @Body() body: PreviewMessageBody,
  ): Promise<{ key: string; html: string }> {
    return this.queries.execute(new PreviewMessageQuery(key, body.text, body.values));
  }
}
