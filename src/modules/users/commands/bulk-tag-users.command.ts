import { Command, CommandHandler, EventBus, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { ResolveSegmentQuery } from '../../segments/queries/resolve-segment.query';
import { changeTags, MAX_TAGS, normaliseTags } from '../domain/tags';
import { UsersTagsChangedEvent } from '../events/user.events';
import { User } from '../persistence/user.entity';

/** Which clients: listed ids, a saved segment, or an inline segment filter (SPEC 5 grammar). */
export type BulkTarget = { userIds: number[] } | { segmentId: number } | { filter: unknown };

export interface BulkTagResult {
  /** Clients the target selected (deleted ones never count). */
  matched: number;
  /** Clients whose tags changed. */
  updated: number;
  /** Clients left as they were because adding would pass 20 tags. */
  skipped: number;
}

/** Clients per transaction: short row locks, one UPDATE per batch. */
export const BULK_TAG_BATCH = 500;

/**
 * Adds and/or removes tags on many clients, synchronously, in batches of BULK_TAG_BATCH: the target's ids
 * are read in id order (keyset), and each batch's rows are locked, changed in code (the same rules as one
 * client's: lower case, at most 20) and written with one UPDATE. A segment or filter selects as
 * ResolveSegmentQuery does (active, non-test clients unless the filter says otherwise); deleted clients are
 * never touched. TAG_INVALID, TAG_TOO_MANY (more than 20 to add), SEGMENT_NOT_FOUND, SEGMENT_FILTER_INVALID.
 */
export class BulkTagUsersCommand extends Command<BulkTagResult> {
  constructor(
    readonly add: string[],
    readonly remove: string[],
    readonly target: BulkTarget,
    readonly actor: Actor,
  ) {
    super();
  }
}

@CommandHandler(BulkTagUsersCommand)
export class BulkTagUsersHandler implements ICommandHandler<BulkTagUsersCommand, BulkTagResult> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: QueryBus,
    private readonly events: EventBus,
  ) {}

  async execute(command: BulkTagUsersCommand): Promise<BulkTagResult> {
    const { add, remove } = checkChanges(command.add, command.remove);
    const base = (await this.targetQuery(command.target)).andWhere("u.status <> 'deleted'");
    const result: BulkTagResult = { matched: 0, updated: 0, skipped: 0 };
    for (let after = 0; ;) {
      const ids = (
        await base
          .clone()
          .select('u.id', 'id')
          .andWhere('u.id > :bulkAfter', { bulkAfter: after })
          .orderBy('u.id', 'ASC')
          .limit(BULK_TAG_BATCH)
          .getRawMany<{ id: number }>()
      ).map((row) => Number(row.id));
      if (ids.length === 0) break;
      result.matched += ids.length;
      const batch = await this.dataSource.transaction((manager) =>
        this.changeBatch(manager, ids, add, remove),
      );
      result.updated += batch.updated;
      result.skipped += batch.skipped;
      after = ids[ids.length - 1];
      if (ids.length < BULK_TAG_BATCH) break;
    }
    this.events.publish(
      new UsersTagsChangedEvent(command.actor, add, remove, describe(command.target), result),
    );
    return result;
  }

  private async targetQuery(target: BulkTarget): Promise<SelectQueryBuilder<User>> {
    if ('userIds' in target) {
      return this.dataSource
        .createQueryBuilder(User, 'u')
        .where('u.id IN (:...bulkIds)', { bulkIds: target.userIds.length ? target.userIds : [0] });
    }
    const segment = await this.queries.execute(new ResolveSegmentQuery(target));
    return this.dataSource.createQueryBuilder(User, 'u').where(segment.sql, segment.params);
  }

  private async changeBatch(
    manager: EntityManager,
    ids: number[],
    add: string[],
    remove: string[],
  ): Promise<{ updated: number; skipped: number }> {
    const rows = await manager
      .createQueryBuilder(User, 'u')
      .setLock('pessimistic_write')
      .select(['u.id', 'u.tags'])
      .where('u.id IN (:...ids)', { ids })
      .andWhere("u.status <> 'deleted'")
      .getMany();
    const changed: [number, string][] = [];
    let skipped = 0;
    for (const row of rows) {
      const { tags, outcome } = changeTags(row.tags ?? [], add, remove);
      if (outcome === 'changed') changed.push([row.id, JSON.stringify(tags)]);
      if (outcome === 'tooMany') skipped += 1;
    }
    if (changed.length > 0) {
      // One statement per batch; the SQL's shape depends only on the batch size, every value is a parameter.
      await manager.query(
        `UPDATE users SET tags = CASE id ${changed.map(() => 'WHEN ? THEN ?').join(' ')} END ` +
          `WHERE id IN (${changed.map(() => '?').join(', ')})`,
        [...changed.flat(), ...changed.map(([id]) => id)],
      );
    }
    return { updated: changed.length, skipped };
  }
}

function checkChanges(addInput: string[], removeInput: string[]): { add: string[]; remove: string[] } {
  const add = normaliseTags(addInput, 'add');
  const remove = normaliseTags(removeInput, 'remove');
  if (add.length > MAX_TAGS) {
    throw new DomainError(ErrorCode.TAG_TOO_MANY, `At most ${MAX_TAGS} tags can be added at once`, {
      max: MAX_TAGS,
      count: add.length,
    });
  }
  const invalid = (message: string, field: string) =>
    new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: [{ field, errors: [message] }] });
  if (add.length === 0 && remove.length === 0) throw invalid('Give tags to add or to remove', 'add');
  const both = add.filter((tag) => remove.includes(tag));
  if (both.length > 0) throw invalid(`A tag cannot be both added and removed: ${both.join(', ')}`, 'remove');
  return { add, remove };
}

/** The target as the audit log keeps it: a count for ids (not the list). */
function describe(target: BulkTarget): Record<string, unknown> {
  return 'userIds' in target ? { userIds: target.userIds.length } : { ...target };
}
