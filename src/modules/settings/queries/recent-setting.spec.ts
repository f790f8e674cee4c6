import { EventBus, QueryBus } from '@nestjs/cqrs';
import { Subject } from 'rxjs';
import { SYSTEM_ACTOR } from '../../../common/audit/audit-entry';
import { SettingChangedEvent } from '../events/setting-changed.event';
import { RecentSetting } from './recent-setting';

describe('RecentSetting', () => {
  const setUp = () => {
    let stored = 120;
    let reads = 0;
    const queries = {
      execute: async () => {
        reads++;
        return stored;
      },
    } as unknown as QueryBus;
    const events = new Subject<unknown>();
    const setting = new RecentSetting(
      'pos.checks_per_minute',
      60_000,
      queries,
      events as unknown as EventBus,
    );
    const change = (value: number, key = 'pos.checks_per_minute') => {
      stored = value;
      events.next(new SettingChangedEvent(key as never, 0, value, SYSTEM_ACTOR));
    };
    return { setting, change, reads: () => reads };
  };

  it('reads once within its age, and again at once after a change in this process', async () => {
    const { setting, change, reads } = setUp();
    expect(await setting.value()).toBe(120);
    expect(await setting.value()).toBe(120);
    expect(reads()).toBe(1);
    change(5);
    expect(await setting.value()).toBe(5);
    expect(reads()).toBe(2);
    change(7, 'pos.unknown_codes_per_minute');
    expect(await setting.value()).toBe(5);
    setting.close();
  });

  it('does not keep a value read before a change that landed while it was read', async () => {
    const { setting, change, reads } = setUp();
    const first = setting.value();
    change(5);
    expect(await first).toBe(120); // read before the change landed: answered, not kept
    expect(await setting.value()).toBe(5);
    expect(reads()).toBe(2);
  });
});
