import { pendingMigrations, pendingMigrationsMessage } from './pending-migrations';

describe('pending migrations (start-up check and /health/ready)', () => {
  const known = ['CreateSchema1764000000000', 'SeedData1764000001000', 'StatsRollups1764000003000'];

  it('lists every migration of a database that has none (a fresh, un-migrated database), oldest first', () => {
    expect(pendingMigrations(known, [])).toEqual(known);
    expect(pendingMigrations([...known].reverse(), [])).toEqual(known);
  });

  it('lists only those not applied yet, in the code order, and none for a current database', () => {
    expect(pendingMigrations(known, ['SeedData1764000001000', 'CreateSchema1764000000000'])).toEqual([
      'StatsRollups1764000003000',
    ]);
    expect(pendingMigrations(known, [...known, 'FromANewerBranch1799999999999'])).toEqual([]);
  });

  it('says what is missing and which command fixes it, in one line', () => {
    const message = pendingMigrationsMessage(['A1', 'B2', 'C3', 'D4']);
    expect(message).toContain('4 migration(s) not applied (A1, B2, C3, …)');
    expect(message).toContain('npm run migration:run');
    expect(message).not.toContain('\n');
  });
});
