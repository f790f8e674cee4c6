import { EventBus, QueryBus } from '@nestjs/cqrs';
import { filter, Subscription } from 'rxjs';
import { SettingKey, SettingValues } from '../domain/setting-definitions';
import { SettingChangedEvent } from '../events/setting-changed.event';
import { GetSettingQuery } from './get-setting.query';

/**
 * One setting read through GetSettingQuery at most once per `maxAgeMs`, for code that runs on every POS
 * request or redemption (the shared cache is a Redis round trip and a parse of every setting). A change made in this
 * process is seen at once (SettingChangedEvent); one made by another replica within `maxAgeMs`.
 */
export class RecentSetting<K extends SettingKey> {
  private cached: { value: SettingValues[K]; until: number } | null = null;
  /** Bumped by every change, so a read that started before the change does not store the old value. */
  private generation = 0;
  private readonly subscription: Subscription;

  constructor(
    private readonly key: K,
    private readonly maxAgeMs: number,
    private readonly queries: QueryBus,
    events: EventBus,
  ) {
    this.subscription = events
      .pipe(filter((event) => event instanceof SettingChangedEvent && event.key === key))
      .subscribe(() => {
        this.cached = null;
        this.generation++;
      });
  }

  async value(): Promise<SettingValues[K]> {
    const now = Date.now();
    if (this.cached && now < this.cached.until) return this.cached.value;
    const generation = this.generation;
    const value = await this.queries.execute(new GetSettingQuery(this.key));
    if (generation === this.generation) this.cached = { value, until: now + this.maxAgeMs };
    return value;
  }

  close(): void {
    this.subscription.unsubscribe();
  }
}
