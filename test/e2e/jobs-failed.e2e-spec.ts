import request from 'supertest';
import { JobQueue } from '../../src/infrastructure/queues/job-queue';
import { JobName } from '../../src/infrastructure/queues/jobs';
import { AuditLog } from '../../src/modules/audit/persistence/audit-log.entity';
import { Discount } from '../../src/modules/codes/persistence/discount.entity';
import { Segment } from '../../src/modules/segments/persistence/segment.entity';
import { loginAs } from '../support/auth';
import { aDiscountTemplate, aUser } from '../support/factories';
import { createTestApp, eventually, TestApp } from '../support/test-app';

interface JobItem {
  id: string;
  queue: string;
  name: string;
  state: string;
  failedReason: string | null;
  attemptsMade: number;
  createdAt: string;
  finishedAt: string | null;
  data: Record<string, unknown>;
}

describe('failed jobs: listed across queues, retried by an owner', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof loginAs>>;
  let reader: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_ROLES: 'api,worker' } });
    owner = await loginAs(t, 'owner');
    reader = await loginAs(t, 'readonly');
  });
  afterAll(() => t.close());

  const state = async (id: string) =>
    ((await request(t.url).get(`/api/v1/jobs/${id}`).set(reader.auth)).body as { state: string }).state;

  it('lists a bulk issue that failed for real (its segment is missing), then runs it again once fixed', async () => {
    // a payload the API would refuse, put straight into the real queue: the worker fails it for real
    const template = await aDiscountTemplate(t.dataSource);
    await aUser(t.dataSource, { tags: ['e2e'] });
    await aUser(t.dataSource, { tags: ['e2e'] });
    await aUser(t.dataSource, { tags: ['other'] });
    const enqueue = (jobId: string, segmentId: number) =>
      t
        .get(JobQueue)
        .enqueue(
          JobName.BulkIssueDiscounts,
          { templateId: template.id, segmentId, batchKey: jobId, adminId: null },
          { jobId, attempts: 2, backoff: { type: 'fixed', delay: 10 } },
        );
    await enqueue('bulk-e2e-first', 4242);
    await eventually(async () => (await state('bulk-e2e-first')) === 'failed', 10_000);
    await enqueue('bulk-e2e-second', 4243);
    await eventually(async () => (await state('bulk-e2e-second')) === 'failed', 10_000);

    const list = await request(t.url).get('/api/v1/jobs?status=failed').set(reader.auth);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    const [second, first] = list.body.items as JobItem[];
    expect(second.id).toBe('bulk-e2e-second');
    expect(first).toMatchObject({
      id: 'bulk-e2e-first',
      queue: 'maintenance',
      name: 'discounts.bulk-issue',
      state: 'failed',
      failedReason: expect.stringMatching(/4242|segment/i),
      attemptsMade: 2,
      data: { templateId: template.id, segmentId: 4242, batchKey: 'bulk-e2e-first', adminId: null },
    });
    expect(new Date(first.finishedAt ?? 0).getTime()).toBeGreaterThanOrEqual(
      new Date(first.createdAt).getTime(),
    );

    const paged = await request(t.url).get('/api/v1/jobs?status=failed&limit=1&page=2').set(reader.auth);
    expect(paged.body).toMatchObject({ total: 2, page: 2, limit: 1, items: [{ id: 'bulk-e2e-first' }] });

    // only an owner retries
    const denied = await request(t.url).post('/api/v1/jobs/bulk-e2e-first/retry').set(reader.auth);
    expect(denied.status).toBe(403);
    const { auth: marketing } = (await loginAs(t, 'marketing')) as { auth: { Authorization: string } };
    expect((await request(t.url).post('/api/v1/jobs/bulk-e2e-first/retry').set(marketing)).status).toBe(403);

    await t.dataSource.getRepository(Segment).save({
      id: 4242,
      name: 'Кто пропал',
      filter: { all: [{ field: 'tags', op: 'any', value: ['e2e'] }] },
      isSystem: false,
    });
    const retried = await request(t.url).post('/api/v1/jobs/bulk-e2e-first/retry').set(owner.auth);
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe('bulk-e2e-first');
    await eventually(async () => (await state('bulk-e2e-first')) === 'completed', 10_000);
    const done = await request(t.url).get('/api/v1/jobs/bulk-e2e-first').set(reader.auth);
    expect(done.body.result).toMatchObject({ total: 2, issued: 2, failed: 0 });
    expect(
      await t.dataSource
        .getRepository(Discount)
        .countBy({ templateId: template.id, periodKey: 'bulk-e2e-first' }),
    ).toBe(2);

    // a completed job is not run again; an unknown one is not found
    const again = await request(t.url).post('/api/v1/jobs/bulk-e2e-first/retry').set(owner.auth);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'JOB_NOT_FAILED', details: { state: 'completed' } });
    const missing = await request(t.url).post('/api/v1/jobs/no-such-job/retry').set(owner.auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('JOB_NOT_FOUND');

    const remaining = await request(t.url).get('/api/v1/jobs').set(reader.auth);
    expect((remaining.body.items as JobItem[]).map((j) => j.id)).toEqual(['bulk-e2e-second']);
    const completed = await request(t.url).get('/api/v1/jobs?status=completed').set(reader.auth);
    expect((completed.body.items as JobItem[]).map((j) => j.id)).toContain('bulk-e2e-first');

    const audit = await eventually(() =>
      t.dataSource.getRepository(AuditLog).findOneBy({ action: 'job.retried', entityId: 'bulk-e2e-first' }),
    );
    expect(audit).toMatchObject({ actorType: 'admin', actorId: String(owner.admin.id), entityType: 'job' });
  }, 30_000);

  it('refuses an unknown status', async () => {
    const response = await request(t.url).get('/api/v1/jobs?status=stuck').set(reader.auth);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});
