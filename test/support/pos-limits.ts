import { SYSTEM_ACTOR } from '../../src/common/audit/audit-entry';
import { ChangeSettingCommand } from '../../src/modules/settings/commands/change-setting.command';
import { TestApp } from './test-app';

/**
 * Raises the till's per-key limits to their maximum, for tests that send the POS API far more requests a
 * minute than a till would (races, hostile input); the limits have their own tests.
 */
export async function liftPosLimits(t: TestApp): Promise<void> {
  await t.commands.execute(new ChangeSettingCommand('pos.checks_per_minute', 10_000, SYSTEM_ACTOR));
  await t.commands.execute(new ChangeSettingCommand('pos.unknown_codes_per_minute', 1_000, SYSTEM_ACTOR));
}
