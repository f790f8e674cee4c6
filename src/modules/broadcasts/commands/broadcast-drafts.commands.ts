import { Command, CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { EDITABLE } from '../domain/broadcast-lifecycle';
import { BroadcastContent, checkBroadcastContent } from '../domain/broadcast-content';
import { BroadcastEvent } from '../events/broadcast.events';
import { BroadcastAudience } from '../persistence/broadcast-audience';
import { BroadcastRecords } from '../persistence/broadcast-records';
import { MediaLibrary } from '../persistence/media-library';
import { Broadcast } from '../persistence/broadcast.entity';

/** Everything an admin writes in a draft. */
export interface DraftFields extends BroadcastContent {
  title: string;
  /** null: all active non-test clients. */
  segmentId: number | null;
  isTest: boolean;
}

const adminId = (actor: Actor) => (actor.type === 'admin' && actor.id !== null ? Number(actor.id) : null);

/** A new draft; its content is checked as Telegram will see it and its segment must exist. */
export class CreateBroadcastCommand extends Command<{ id: number }> {
  constructor(
    readonly fields: DraftFields,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CreateBroadcastCommand)
export class CreateBroadcastHandler implements ICommandHandler<CreateBroadcastCommand, { id: number }> {
  constructor(
    @InjectRepository(Broadcast) private readonly broadcasts: Repository<Broadcast>,
    private readonly audience: BroadcastAudience,
    private readonly media: MediaLibrary,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ fields, actor }: CreateBroadcastCommand): Promise<{ id: number }> {
    checkBroadcastContent(fields);
    await this.media.assertFits(fields);
    if (fields.segmentId !== null) await this.audience.count(fields);
    const created = await this.broadcasts.manager.transaction(async (manager) => {
      const saved = await manager.save(
        this.broadcasts.create({ ...fields, status: 'draft', createdByAdminId: adminId(actor) }),
      );
      const fact = new BroadcastEvent('broadcast.created', saved.id, actor, { after: auditFields(fields) });
      await this.outbox.record(manager, fact);
      return fact;
    });
    this.events.publish(created);
    return { id: created.broadcastId };
  }
}

/**
 * Changes a draft (only a draft: BROADCAST_NOT_EDITABLE). Fields left out stay; switching to a text
 * broadcast drops the media unless new media is given. The whole content is checked again.
 */
export class UpdateBroadcastCommand extends Command<void> {
  constructor(
    readonly id: number,
    readonly changes: Partial<DraftFields>,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(UpdateBroadcastCommand)
export class UpdateBroadcastHandler implements ICommandHandler<UpdateBroadcastCommand, void> {
  constructor(
    private readonly records: BroadcastRecords,
    private readonly audience: BroadcastAudience,
    private readonly media: MediaLibrary,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ id, changes, actor }: UpdateBroadcastCommand): Promise<void> {
    const broadcast = await this.records.get(id);
    BroadcastRecords.assertStatus(broadcast, EDITABLE, 'changed');
    const before: DraftFields = {
      title: broadcast.title,
      contentType: broadcast.contentType,
      text: broadcast.text,
      media: broadcast.media,
      buttons: broadcast.buttons,
      segmentId: broadcast.segmentId,
      isTest: broadcast.isTest,
    };
    const after: DraftFields = { ...before, ...changes };
    if (changes.contentType === 'text' && changes.media === undefined) after.media = null;
    checkBroadcastContent(after);
    await this.media.assertFits(after);
    if (after.segmentId !== null && after.segmentId !== before.segmentId) await this.audience.count(after);
    const changed = (Object.keys(after) as Array<keyof DraftFields>).filter(
      (key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
    );
    if (changed.length === 0) return;
    const patch = Object.fromEntries(changed.map((key) => [key, after[key]]));
    // Only while still a draft: a schedule or send racing this edit wins, and the edit is refused.
    const updated = new BroadcastEvent('broadcast.updated', id, actor, {
      fields: changed,
      before: auditFields(pick(before, changed)),
      after: auditFields(pick(after, changed)),
    });
    await this.records.inTransaction(async (manager) => {
      if (!(await this.records.transition(id, EDITABLE, patch, manager))) {
        BroadcastRecords.assertStatus(await this.records.get(id), EDITABLE, 'changed');
      }
      await this.outbox.record(manager, updated);
    });
    this.events.publish(updated);
  }
}

function pick(fields: DraftFields, keys: Array<keyof DraftFields>): Partial<DraftFields> {
  return Object.fromEntries(keys.map((key) => [key, fields[key]]));
}

/** What the audit log keeps of a draft: everything but a long text, which it shortens. */
function auditFields(fields: Partial<DraftFields>): Record<string, unknown> {
  const { text, ...rest } = fields;
  if (text === undefined) return rest;
  return { ...rest, text: text && text.length > 200 ? `${text.slice(0, 200)}…` : text };
}
