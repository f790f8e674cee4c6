import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { checkTemplateText } from '../domain/check-template-text';
import { isMessageKey } from '../domain/message-catalog';
import { MessageTemplateChangedEvent } from '../events/message-template-changed.event';
import { MessageTemplate } from '../persistence/message-template.entity';
import { MessageTexts } from '../persistence/message-texts';

/** Saves a new text for a bot message (placeholders and Telegram HTML checked); the bots use it at once. */
export class UpdateMessageTemplateCommand extends Command<void> {
  constructor(
    readonly key: string,
    readonly text: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(UpdateMessageTemplateCommand)
export class UpdateMessageTemplateHandler implements ICommandHandler<UpdateMessageTemplateCommand, void> {
  constructor(
    @InjectRepository(MessageTemplate) private readonly templates: Repository<MessageTemplate>,
    private readonly texts: MessageTexts,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ key, text, actor }: UpdateMessageTemplateCommand): Promise<void> {
    const template = isMessageKey(key) ? await this.templates.findOneBy({ key }) : null;
    if (!template || !isMessageKey(key)) {
      throw new DomainError(ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND, `No message template "${key}"`, { key });
    }
    checkTemplateText(key, text);
    const changed = new MessageTemplateChangedEvent(key, template.text, text, actor);
    await this.templates.manager.transaction(async (manager) => {
      await manager.update(MessageTemplate, template.id, {
        text,
        updatedByAdminId: actor.type === 'admin' && actor.id !== null ? Number(actor.id) : null,
      });
      await this.outbox.record(manager, changed);
    });
    await this.texts.forget(key);
    this.events.publish(changed);
  }
}
