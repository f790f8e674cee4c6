import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DiscountTemplate } from '../../src/modules/codes/persistence/discount-template.entity';
import { DiscountUsageLog } from '../../src/modules/codes/persistence/discount-usage-log.entity';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { Admin } from '../../src/modules/staff/persistence/admin.entity';
import { Cashier } from '../../src/modules/staff/persistence/cashier.entity';
import { User } from '../../src/modules/users/persistence/user.entity';

let sequence = 0;
const next = () => ++sequence;

/** A registered client; state only what the test cares about. */
export async function aUser(dataSource: DataSource, fields: Partial<User> = {}): Promise<User> {
  const n = next();
  const repository = dataSource.getRepository(User);
  return repository.save(
    repository.create({
      telegramId: 700_000_000 + n * 10 + randomInt(10),
      firstName: `Клиент${n}`,
      source: 'direct',
      status: 'active',
      tags: [],
      referralCode: `r${n}${randomInt(1000, 9999)}`,
      ...fields,
    }),
  );
}

/** An active code of the seeded subscription template (id 1) for `user`. */
export async function aDiscount(
  dataSource: DataSource,
  user: User,
  fields: Partial<Discount> = {},
): Promise<Discount> {
  const repository = dataSource.getRepository(Discount);
  return repository.save(
    repository.create({
      code: `T${String(next()).padStart(7, '0')}`.slice(0, 8),
      templateId: 1,
      userId: user.id,
      kind: 'percent',
      value: 10,
      status: 'active',
      reason: 'subscription',
      validFrom: new Date(Date.now() - 60_000),
      redemptionCount: 0,
      ...fields,
    }),
  );
}

/** An active admin (the password hash is a placeholder: log-in tests set a real one). */
export async function anAdmin(dataSource: DataSource, fields: Partial<Admin> = {}): Promise<Admin> {
  const repository = dataSource.getRepository(Admin);
  return repository.save(
    repository.create({
      username: `admin${next()}`,
      passwordHash: '!',
      role: 'owner',
      isActive: true,
      ...fields,
    }),
  );
}

/** A cashier who applied through the staff bot (pending unless said otherwise). */
export async function aCashier(dataSource: DataSource, fields: Partial<Cashier> = {}): Promise<Cashier> {
  const n = next();
  const repository = dataSource.getRepository(Cashier);
  return repository.save(
    repository.create({
      telegramId: 600_000_000 + n * 10 + randomInt(10),
      fullName: `Кассирова Мария ${'И'.repeat(1 + (n % 5))}.`,
      status: 'pending',
      ...fields,
    }),
  );
}

/** A manual, single-use 10 % template valid 30 days (state only what matters). */
export async function aDiscountTemplate(
  dataSource: DataSource,
  fields: Partial<DiscountTemplate> = {},
): Promise<DiscountTemplate> {
  const repository = dataSource.getRepository(DiscountTemplate);
  return repository.save(
    repository.create({
      name: `Шаблон ${next()}`,
      purpose: 'manual',
      kind: 'percent',
      value: 10,
      usage: 'single',
      maxRedemptions: null,
      validDays: 30,
      recurrence: 'none',
      recurrenceDays: null,
      minPurchase: null,
      description: 'Скидка для теста',
      isActive: true,
      ...fields,
    }),
  );
}

/** A redemption of `discount` by its client: a `redeemed` usage row (channel staff_bot unless said otherwise). */
export async function aClientRedemption(
  dataSource: DataSource,
  discount: Discount,
  fields: Partial<DiscountUsageLog> = {},
): Promise<DiscountUsageLog> {
  const repository = dataSource.getRepository(DiscountUsageLog);
  return repository.save(
    repository.create({
      discountId: discount.id,
      userId: discount.userId,
      channel: 'staff_bot',
      action: 'redeemed',
      purchaseAmount: 100_000,
      discountAmount: 10_000,
      ...fields,
    }),
  );
}

/**
 * `count` clients in multi-row INSERTs (fast: thousands a second); `fields(i)` says what differs per client.
 * Returns nothing: read the rows back when a test needs them.
 */
export async function manyUsers(
  dataSource: DataSource,
  count: number,
  fields: (i: number) => Partial<User> = () => ({}),
): Promise<void> {
  const repository = dataSource.getRepository(User);
  const first = next();
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k;
      return {
        telegramId: 800_000_000 + first * 100_000 + i,
        firstName: `Клиент${first}_${i}`,
        source: 'direct',
        status: 'active' as const,
        tags: [],
        referralCode: `m${first}x${i}`,
        ...fields(i),
      };
    });
    await repository.insert(rows);
  }
}
