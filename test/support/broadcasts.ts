import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { BroadcastDelivery } from '../../src/modules/broadcasts/persistence/broadcast-delivery.entity';
import { Broadcast, BroadcastStatus } from '../../src/modules/broadcasts/persistence/broadcast.entity';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import { SegmentFilter } from '../../src/modules/segments/domain/segment-filter';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { eventually, TestApp } from './test-app';

let segments = 0;

/** A saved segment with `filter` (the segments module's own checks are not needed to store it). */
export async function aSegment(t: TestApp, filter: SegmentFilter): Promise<Segment> {
  const repository = t.dataSource.getRepository(Segment);
  return repository.save(
    repository.create({ name: `Сегмент ${++segments}-${Date.now()}`, filter, isSystem: false }),
  );
}

/** Sets broadcast settings as an owner would (through the settings command, so the cache is dropped). */
export async function broadcastSettings(
  t: TestApp,
  values: Partial<{ rate: number; paid: boolean; maxAttempts: number; chunkSize: number }>,
): Promise<void> {
  const keys = {
    rate: 'broadcast.rate_per_second',
    paid: 'broadcast.paid',
    maxAttempts: 'broadcast.max_attempts',
    chunkSize: 'broadcast.chunk_size',
  } as const;
  for (const [name, value] of Object.entries(values)) {
    await t.commands.execute(new ChangeSettingCommand(keys[name as keyof typeof keys], value, SYSTEM_ACTOR));
  }
}

/** POST /broadcasts with `body`; fails the test unless 201. */
export async function createBroadcast(
  t: TestApp,
  auth: { Authorization: string },
  body: Record<string, unknown>,
): Promise<{ id: number } & Record<string, unknown>> {
  const response = await request(t.url)
    .post('/api/v1/broadcasts')
    .set(auth)
    .send({ title: 'Рассылка', ...body });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: number } & Record<string, unknown>;
}

/** Waits until the broadcast is in one of `statuses` and returns it. */
export async function broadcastIn(
  t: TestApp,
  id: number,
  statuses: BroadcastStatus[],
  timeoutMs = 15_000,
): Promise<Broadcast> {
  const repository = t.dataSource.getRepository(Broadcast);
  return (await eventually(async () => {
    const broadcast = await repository.findOneByOrFail({ id });
    return statuses.includes(broadcast.status) ? broadcast : null;
  }, timeoutMs)) as Broadcast;
}

/** The broadcast's delivery rows by user id. */
export async function deliveriesOf(t: TestApp, broadcastId: number): Promise<Map<number, BroadcastDelivery>> {
  const rows = await t.dataSource.getRepository(BroadcastDelivery).findBy({ broadcastId });
  return new Map(rows.map((row) => [row.userId, row]));
}

/** Each chat id with how many times it appears. */
export function countBy(ids: Array<number | undefined>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of ids) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
