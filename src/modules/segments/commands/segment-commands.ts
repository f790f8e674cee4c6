import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { Outbox } from '../../../infrastructure/outbox/outbox';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Not, Repository } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { checkSegmentFilter } from '../domain/check-segment-filter';
import { SegmentFilter } from '../domain/segment-filter';
import { SegmentChangedEvent } from '../events/segment.events';
import { Segment } from '../persistence/segment.entity';
import { SegmentAudience } from '../queries/segment-audience';
import { isDuplicateKey } from '../../../infrastructure/database/duplicate-key';

export interface SegmentFields {
  name?: string;
  description?: string | null;
  filter?: unknown;
}

const nameTaken = (name: string) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `A segment named "${name}" exists`, {
    fields: [{ field: 'name', errors: ['a segment with this name exists (names are unique, in any case)'] }],
  });

/** FORBIDDEN_ROLE: nobody, owner included, changes the seeded system segments. */
const systemSegment = (segmentId: number) =>
  new DomainError(ErrorCode.FORBIDDEN_ROLE, 'System segments are read-only', { segmentId, isSystem: true });

/** A checked filter as stored; SEGMENT_FILTER_INVALID with the path of the bad rule. */
async function checkedFilter(queries: QueryBus, filter: unknown): Promise<SegmentFilter> {
  checkSegmentFilter(filter, await queries.execute(new GetSettingQuery('shop.timezone')));
  return filter as SegmentFilter;
}

/** Saves a new segment; its filter is checked first. Names are unique (VALIDATION_FAILED on `name`). */
export class CreateSegmentCommand extends Command<{ id: number }> {
  constructor(
    readonly fields: Required<Pick<SegmentFields, 'name' | 'filter'>> & Pick<SegmentFields, 'description'>,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(CreateSegmentCommand)
export class CreateSegmentHandler implements ICommandHandler<CreateSegmentCommand, { id: number }> {
  constructor(
    @InjectRepository(Segment) private readonly segments: Repository<Segment>,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ fields, actor }: CreateSegmentCommand): Promise<{ id: number }> {
    const name = fields.name.trim();
    const filter = await checkedFilter(this.queries, fields.filter);
    if (await this.segments.existsBy({ name })) throw nameTaken(name);
    try {
      const created = await this.segments.manager.transaction(async (manager) => {
        const { identifiers } = await manager.insert(Segment, {
          name,
          description: fields.description?.trim() || null,
          filter: filter as never, // TypeORM's partial-entity type cannot express a JSON column
          isSystem: false,
        });
        const id = Number(identifiers[0].id);
        const fact = new SegmentChangedEvent('segment.created', id, actor, { after: { name, filter } });
        await this.outbox.record(manager, fact);
        return fact;
      });
      this.events.publish(created);
      return { id: created.segmentId };
    } catch (error) {
      if (isDuplicateKey(error)) throw nameTaken(name);
      throw error;
    }
  }
}

/** Changes a segment's name, description or filter; system segments are read-only. SEGMENT_NOT_FOUND. */
export class UpdateSegmentCommand extends Command<void> {
  constructor(
    readonly segmentId: number,
    readonly fields: SegmentFields,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(UpdateSegmentCommand)
export class UpdateSegmentHandler implements ICommandHandler<UpdateSegmentCommand, void> {
  constructor(
    @InjectRepository(Segment) private readonly segments: Repository<Segment>,
    private readonly audience: SegmentAudience,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ segmentId, fields, actor }: UpdateSegmentCommand): Promise<void> {
    const segment = await this.audience.segment(segmentId);
    if (segment.isSystem) throw systemSegment(segmentId);
    const changes: Partial<Segment> = {};
    if (fields.name !== undefined) changes.name = fields.name.trim();
    if (fields.description !== undefined) changes.description = fields.description?.trim() || null;
    if (fields.filter !== undefined) changes.filter = await checkedFilter(this.queries, fields.filter);
    if (Object.keys(changes).length === 0) return;
    if (changes.name && (await this.segments.existsBy({ name: changes.name, id: Not(segmentId) }))) {
      throw nameTaken(changes.name);
    }
    const before = { name: segment.name, description: segment.description, filter: segment.filter };
    const updated = new SegmentChangedEvent('segment.updated', segmentId, actor, {
      before,
      after: { ...changes },
    });
    try {
      await this.segments.manager.transaction(async (manager) => {
        await manager.update(Segment, segmentId, changes as never);
        await this.outbox.record(manager, updated);
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw nameTaken(changes.name ?? '');
      throw error;
    }
    this.events.publish(updated);
  }
}

/**
 * Deletes a segment. SEGMENT_IN_USE while a broadcast points at it (a sent broadcast keeps its segment for
 * the record; a scheduled one needs it); system segments are read-only. SEGMENT_NOT_FOUND.
 */
export class DeleteSegmentCommand extends Command<void> {
  constructor(
    readonly segmentId: number,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(DeleteSegmentCommand)
export class DeleteSegmentHandler implements ICommandHandler<DeleteSegmentCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audience: SegmentAudience,
    private readonly events: EventBus,
    private readonly outbox: Outbox,
  ) {}

  async execute({ segmentId, actor }: DeleteSegmentCommand): Promise<void> {
    const segment = await this.audience.segment(segmentId);
    if (segment.isSystem) throw systemSegment(segmentId);
    const inUse = (broadcasts: number) =>
      new DomainError(ErrorCode.SEGMENT_IN_USE, 'Broadcasts use this segment', { segmentId, broadcasts });
    // Read-side look at the broadcasts table (the broadcasts module owns it); its foreign key also refuses.
    const [{ used }] = await this.dataSource.query<{ used: number | string }[]>(
      'SELECT COUNT(*) AS used FROM broadcasts WHERE segment_id = ?',
      [segmentId],
    );
    if (Number(used) > 0) throw inUse(Number(used));
    const deleted = new SegmentChangedEvent('segment.deleted', segmentId, actor, {
      before: { name: segment.name, filter: segment.filter },
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.delete(Segment, segmentId);
        await this.outbox.record(manager, deleted);
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_ROW_IS_REFERENCED_2') throw inUse(1);
      throw error;
    }
    this.events.publish(deleted);
  }
}
