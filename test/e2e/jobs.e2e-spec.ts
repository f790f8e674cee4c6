import { Queue } from 'bullmq';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '../../src/infrastructure/queues/jobs';
import { ExpireDiscountsTick } from '../../src/modules/codes/jobs/expire-discounts.tick';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { aDiscount, aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

describe('background jobs: scheduler tick -> BullMQ -> worker -> command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'worker,scheduler' } });
  });
  afterAll(() => t.close());

  it('marks codes past their expiry as expired, once per hour however many ticks fire', async () => {
    const user = await aUser(t.dataSource);
    const past = await aDiscount(t.dataSource, user, { expiresAt: new Date(Date.now() - 1000) });
    const future = await aDiscount(t.dataSource, user, { expiresAt: new Date(Date.now() + 86_400_000) });
    const never = await aDiscount(t.dataSource, user, { expiresAt: null });

    const tick = t.get(ExpireDiscountsTick);
    const [firstId, secondId] = [await tick.enqueue(), await tick.enqueue()];
    expect(secondId).toBe(firstId);

    const repository = t.dataSource.getRepository(Discount);
    await eventually(async () => (await repository.findOneByOrFail({ id: past.id })).status === 'expired');
    expect((await repository.findOneByOrFail({ id: future.id })).status).toBe('active');
    expect((await repository.findOneByOrFail({ id: never.id })).status).toBe('active');

    const queue = t.get<Queue>(getQueueToken(QueueName.Maintenance));
    const job = await eventually(async () => {
      const found = await queue.getJob(firstId);
      return (await found?.isCompleted()) ? found : null;
    });
    expect(job?.returnvalue).toEqual({ expired: 1 });
  });
});
