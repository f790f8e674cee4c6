import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessageTemplate } from './persistence/message-template.entity';
import { MessageTexts } from './persistence/message-texts';
import { RenderMessageHandler } from './queries/render-message.query';

/** The bots' Russian texts: stored templates with checked placeholders, rendered with escaped values. */
@Module({
  imports: [TypeOrmModule.forFeature([MessageTemplate])],
  providers: [MessageTexts, RenderMessageHandler],
})
export class MessageTemplatesModule {}
