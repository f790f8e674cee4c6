import { DomainError } from '../../src/common/errors/domain-error';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { GetSettingQuery } from '../../src/modules/settings/queries/get-setting.query';
import { GetSettingsQuery } from '../../src/modules/settings/queries/get-settings.query';
import { Actor } from '../../src/common/audit/audit-entry';
import { anAdmin } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

describe('settings', () => {
  let first: TestApp;
  let second: TestApp;
  let owner: Actor;
  beforeAll(async () => {
    first = await createTestApp({ env: { APP_ROLES: 'api' } });
    second = await createTestApp({ reset: false, env: { APP_ROLES: 'api' } });
    owner = { type: 'admin', id: (await anAdmin(first.dataSource, { role: 'owner' })).id };
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('reads the seeded defaults', async () => {
    const all = await first.queries.execute(new GetSettingsQuery());
    expect(all['shop.timezone']).toBe('Asia/Vladivostok');
    expect(all['birthday.send_at']).toBe('09:00');
    expect(all['broadcast.rate_per_second']).toBe(25);
    expect(all['broadcast.paid']).toBe(false);
    expect(all['referral.template_id']).toBeNull();
  });

  it('serves a change made by another replica at once (the shared cache is dropped on change)', async () => {
    expect(await first.queries.execute(new GetSettingQuery('broadcast.rate_per_second'))).toBe(25); // now cached
    await second.commands.execute(new ChangeSettingCommand('broadcast.rate_per_second', 0.42, owner));
    expect(await first.queries.execute(new GetSettingQuery('broadcast.rate_per_second'))).toBe(0.42);
  });

  it('stores JSON null, strings and booleans faithfully', async () => {
    await first.commands.execute(new ChangeSettingCommand('test_mode.secret', 'sekret_1234', owner));
    await first.commands.execute(new ChangeSettingCommand('broadcast.paid', true, owner));
    expect(await second.queries.execute(new GetSettingQuery('test_mode.secret'))).toBe('sekret_1234');
    expect(await second.queries.execute(new GetSettingQuery('broadcast.paid'))).toBe(true);
    await first.commands.execute(new ChangeSettingCommand('test_mode.secret', null, owner));
    expect(await second.queries.execute(new GetSettingQuery('test_mode.secret'))).toBeNull();
  });

  it('refuses a bad value with SETTING_INVALID and an unknown key with SETTING_NOT_FOUND, changing nothing', async () => {
    await expect(
      first.commands.execute(new ChangeSettingCommand('birthday.send_at', '9 утра', owner)),
    ).rejects.toMatchObject({
      code: 'SETTING_INVALID',
    });
    await expect(
      first.commands.execute(new ChangeSettingCommand('shop.owner', 'x', owner)),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await first.queries.execute(new GetSettingQuery('birthday.send_at'))).toBe('09:00');
  });

  it('audits each change with before and after, masking secrets', async () => {
    const rows = await eventually(async () => {
      const found = await first.dataSource
        .getRepository(AuditLog)
        .find({ where: { action: 'setting.changed' } });
      return found.length >= 4 ? found : null;
    });
    if (!rows) throw new Error('no audit rows');
    expect(rows.every((row) => row.actorType === 'admin' && row.actorId === String(owner.id))).toBe(true);
    const rate = rows.find((row) => row.entityId === 'broadcast.rate_per_second');
    expect(rate?.changes).toEqual({ before: 25, after: 0.42 });
    const secret = rows.find((row) => row.entityId === 'test_mode.secret' && row.changes?.after !== null);
    expect(secret?.changes).toEqual({ before: null, after: '********' });
    expect(JSON.stringify(rows)).not.toContain('sekret_1234');
  });
});
