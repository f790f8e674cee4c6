import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UpdateMessageTemplateHandler } from './commands/update-message-template.command';
import { MessageTemplatesController } from './http/message-templates.controller';
import { MessageTemplate } from './persistence/message-template.entity';
import { MessageTexts } from './persistence/message-texts';
import {
  GetMessageTemplateHandler,
  ListMessageTemplatesHandler,
} from './queries/message-template-views.query';
import { PreviewMessageHandler } from './queries/preview-message.query';
import { RenderMessageHandler } from './queries/render-message.query';

/** The bots' Russian texts: stored templates with checked placeholders and HTML, rendered with escaped values. */
@Module({
  imports: [TypeOrmModule.forFeature([MessageTemplate])],
  controllers: [MessageTemplatesController],
  providers: [
    MessageTexts,
    RenderMessageHandler,
    UpdateMessageTemplateHandler,
    ListMessageTemplatesHandler,
    GetMessageTemplateHandler,
    PreviewMessageHandler,
  ],
})
export class MessageTemplatesModule {}
