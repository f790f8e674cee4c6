import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';
import { OwnerAlert } from '../domain/owner-alert';

/**
 * The alerts waiting for the next digest, a list in Redis shared by every process (losing Redis loses them,
 * as it loses the queues; the failed jobs themselves stay listed by GET /jobs). `once` remembers an alert
 * already raised (a stuck broadcast) for a day, so a tick every few minutes raises it once.
 */
@Injectable()
export class PendingAlerts {
  private readonly listKey: string;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    this.listKey = keys.key('alert', 'owner', 'pending');
  }

  async add(alert: OwnerAlert): Promise<void> {
    await this.redis.rpush(this.listKey, JSON.stringify(alert));
  }

  /** Takes every pending alert, atomically: two digests never send the same alert. */
  async takeAll(): Promise<OwnerAlert[]> {
    const result = await this.redis.multi().lrange(this.listKey, 0, -1).del(this.listKey).exec();
    const [error, items] = result?.[0] ?? [null, []];
    if (error) throw error;
    return (items as string[]).map((item) => JSON.parse(item) as OwnerAlert);
  }

  /** Puts alerts taken for a digest that could not be sent back in front, in their order. */
  async putBack(alerts: OwnerAlert[]): Promise<void> {
    if (alerts.length === 0) return;
    await this.redis.lpush(this.listKey, ...alerts.map((alert) => JSON.stringify(alert)).reverse());
  }

  /** True the first time `name` is raised within a day. */
  async once(name: string): Promise<boolean> {
    return (
      (await this.redis.set(this.keys.key('alert', 'owner', 'raised', name), '1', 'EX', 86_400, 'NX')) ===
      'OK'
    );
  }
}
