import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { DeliveryCounts } from '../domain/broadcast-lifecycle';
import { Broadcast, BroadcastStatus } from './broadcast.entity';

/** Loads broadcasts and moves them between statuses with conditional UPDATEs (no read-then-write race). */
@Injectable()
export class BroadcastRecords {
  constructor(@InjectRepository(Broadcast) private readonly broadcasts: Repository<Broadcast>) {}

  async get(id: number): Promise<Broadcast> {
    const broadcast = await this.broadcasts.findOneBy({ id });
    if (!broadcast) throw new DomainError(ErrorCode.BROADCAST_NOT_FOUND, `No broadcast #${id}`, { id });
    return broadcast;
  }

  find(id: number): Promise<Broadcast | null> {
    return this.broadcasts.findOneBy({ id });
  }

  async statusOf(id: number): Promise<BroadcastStatus | null> {
    const row = await this.broadcasts.findOne({ select: ['id', 'status'], where: { id } });
    return row?.status ?? null;
  }

  /** Changes the row only while its status is one of `from`; true when it did. */
  /** Runs `work` in a transaction (a status change and its outbox fact commit together). */
  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.broadcasts.manager.transaction(work);
  }

  async transition(
    id: number,
    from: readonly BroadcastStatus[],
    changes: QueryDeepPartialEntity<Broadcast>,
    manager: EntityManager = this.broadcasts.manager,
  ): Promise<boolean> {
    const { affected } = await manager.update(Broadcast, { id, status: In([...from]) }, changes);
    return affected === 1;
  }

  /** `scheduled` -> `sending` once its time has come (a broadcast rescheduled later is left alone). */
  async startIfDue(
    id: number,
    now: Date,
    manager: EntityManager = this.broadcasts.manager,
  ): Promise<boolean> {
    const { affected } = await manager
      .createQueryBuilder(Broadcast, 'b')
      .update()
      .set({ status: 'sending', startedAt: now })
      .where("id = :id AND status = 'scheduled' AND scheduled_at <= :now", { id, now })
      .execute();
    return affected === 1;
  }

  /** Scheduled broadcasts whose time has come, for the minute tick. */
  due(now: Date): Promise<Array<Pick<Broadcast, 'id' | 'scheduledAt'>>> {
    return this.broadcasts
      .createQueryBuilder('b')
      .select(['b.id', 'b.scheduledAt'])
      .where("b.status = 'scheduled' AND b.scheduled_at <= :now", { now })
      .orderBy('b.scheduled_at')
      .getMany();
  }

  /** Broadcasts being sent, and cancelled ones that may still have sends in flight (the sweep). */
  active(cancelledSince: Date): Promise<Array<Pick<Broadcast, 'id' | 'status'>>> {
    return this.broadcasts
      .createQueryBuilder('b')
      .select(['b.id', 'b.status'])
      .where("b.status = 'sending'")
      .orWhere("b.status = 'cancelled' AND b.cancelled_at >= :cancelledSince", { cancelledSince })
      .getMany();
  }

  /** Caches the counters derived from the delivery rows. */
  async saveCounters(id: number, counts: DeliveryCounts): Promise<void> {
    await this.broadcasts.update(id, {
      sentCount: counts.sent,
      failedCount: counts.failed,
      blockedCount: counts.blocked,
    });
  }

  /** Refuses unless the broadcast is in one of `allowed` (BROADCAST_NOT_EDITABLE, with the status). */
  static assertStatus(broadcast: Broadcast, allowed: readonly BroadcastStatus[], doing: string): void {
    if (!allowed.includes(broadcast.status)) {
      throw new DomainError(
        ErrorCode.BROADCAST_NOT_EDITABLE,
        `Broadcast #${broadcast.id} is ${broadcast.status}: it cannot be ${doing} (only when ${allowed.join(' or ')})`,
        { id: broadcast.id, status: broadcast.status, allowed },
      );
    }
  }
}
