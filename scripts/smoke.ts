/**
 * The docs/API_EXAMPLES.md requests against a running Dvorik, through the typed client `@dvorik/api`, each
 * answer also checked against the OpenAPI document (the e2e suite's contract check). scripts/smoke.sh runs it:
 *   SMOKE_USERNAME=owner SMOKE_PASSWORD=... SMOKE_POS_KEY=... scripts/smoke.sh http://127.0.0.1:3000
 * Needs at least one active client (test clients count: `npm run seed:demo -- --users 50`). It issues one
 * code, redeems it through the POS API, and schedules then cancels one test broadcast: safe on a live shop.
 */
import { randomUUID } from 'node:crypto';
import { createDvorikClient } from '@dvorik/api';
import { OpenApiContract } from '../test/support/contract/openapi-contract';

interface Outcome {
  /** The status the client received (0: no answer at all). */
  status: number;
  /** What went wrong besides the status: a contract mismatch, a missing field. */
  problem?: string;
}

const [base] = process.argv.slice(2);
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main(): Promise<boolean> {
  if (!base) throw new Error('usage: scripts/smoke.sh BASE_URL');
  const contract = new OpenApiContract();
  const mismatches: string[] = [];
  const checked = async (request: Request): Promise<Response> => {
    const response = await fetch(request);
    const text = await response.clone().text();
    const contentType = response.headers.get('content-type') ?? undefined;
    const verdict = contract.check({
      method: request.method,
      url: request.url,
      status: response.status,
      contentType,
      body: contentType?.includes('json') && text ? (JSON.parse(text) as unknown) : undefined,
      hasBody: text.length > 0,
    });
    if (verdict?.problem) mismatches.push(`${verdict.route} ${verdict.status}: ${verdict.problem}`);
    return response;
  };
  let token: string | undefined;
  const api = createDvorikClient(base, () => token, { fetch: checked });
  const till = createDvorikClient(base, undefined, { fetch: checked, apiKey: env('SMOKE_POS_KEY') });

  let passed = 0;
  let failed = 0;
  const step = async (name: string, expected: number, run: () => Promise<Outcome>): Promise<void> => {
    let outcome: Outcome;
    try {
      outcome = await run();
    } catch (error) {
      outcome = { status: 0, problem: String(error) };
    }
    const mismatch = mismatches.splice(0).join('; ');
    const problem = [outcome.problem, mismatch && `contract: ${mismatch}`].filter(Boolean).join('; ');
    if (outcome.status === expected && !problem) {
      passed += 1;
      console.log(`ok    ${name.padEnd(46)} ${outcome.status}`);
    } else {
      failed += 1;
      console.log(
        `FAIL  ${name.padEnd(46)} ${outcome.status} (expected ${expected})${problem && `: ${problem}`}`,
      );
    }
  };

  await step('health: MySQL and Redis reachable', 200, async () => {
    const { response } = await api.GET('/health/ready');
    return { status: response.status };
  });

  await step('log in', 200, async () => {
    const { data, response } = await api.POST('/api/v1/auth/login', {
      body: { username: env('SMOKE_USERNAME'), password: env('SMOKE_PASSWORD') },
    });
    token = data?.accessToken;
    return { status: response.status };
  });

  await step('who am I', 200, async () => {
    const { data, response } = await api.GET('/api/v1/auth/me');
    return { status: response.status, problem: data?.username ? undefined : 'no username' };
  });

  let userId: number | undefined;
  await step('a filtered client list', 200, async () => {
    const query = { status: 'active', isTest: true, limit: 5, sort: '-createdAt' } as const;
    const { data, response } = await api.GET('/api/v1/users', { params: { query } });
    userId = data?.items[0]?.id;
    return { status: response.status };
  });
  if (userId === undefined) {
    await step('any client at all', 200, async () => {
      const { data, response } = await api.GET('/api/v1/users', {
        params: { query: { status: 'active', limit: 1 } },
      });
      userId = data?.items[0]?.id;
      return { status: response.status, problem: userId === undefined ? 'no active client' : undefined };
    });
  }

  let code = '';
  await step('issue a code by hand (manual template 3)', 201, async () => {
    const { data, response } = await api.POST('/api/v1/discounts', {
      body: { userId: userId ?? 0, templateId: 3 },
    });
    code = data?.code ?? '';
    return { status: response.status };
  });

  await step('POS: validate the code', 200, async () => {
    const { data, response } = await till.POST('/internal/v1/discounts/validate', {
      body: { code, purchaseAmount: 150000 },
    });
    return { status: response.status, problem: data && !data.valid ? 'not valid' : undefined };
  });
  const redeem = {
    code,
    purchaseAmount: 150000,
    terminalId: 'smoke',
    idempotencyKey: `smoke-${randomUUID()}`,
  };
  let redemptionId: number | undefined;
  await step('POS: redeem the code', 200, async () => {
    const { data, response } = await till.POST('/internal/v1/discounts/redeem', { body: redeem });
    redemptionId = data?.redemptionId;
    return { status: response.status };
  });
  await step('POS: the same request again (idempotent)', 200, async () => {
    const { data, response } = await till.POST('/internal/v1/discounts/redeem', { body: redeem });
    const same = data?.redemptionId === redemptionId;
    return { status: response.status, problem: same ? undefined : 'a second redemption' };
  });

  let broadcastId = 0;
  await step('draft a test broadcast', 201, async () => {
    const { data, response } = await api.POST('/api/v1/broadcasts', {
      body: {
        title: 'Проверка (smoke)',
        contentType: 'text',
        text: '<b>Проверка</b> рассылки',
        isTest: true,
      },
    });
    broadcastId = data?.id ?? 0;
    return { status: response.status };
  });
  await step('schedule it for tomorrow', 200, async () => {
    const { data, response } = await api.POST('/api/v1/broadcasts/{id}/schedule', {
      params: { path: { id: broadcastId } },
      body: { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    return {
      status: response.status,
      problem: data && data.status !== 'scheduled' ? data.status : undefined,
    };
  });
  await step('cancel it', 200, async () => {
    const { data, response } = await api.POST('/api/v1/broadcasts/{id}/cancel', {
      params: { path: { id: broadcastId } },
    });
    return {
      status: response.status,
      problem: data && data.status !== 'cancelled' ? data.status : undefined,
    };
  });

  await step('log out', 204, async () => {
    const { response } = await api.POST('/api/v1/auth/logout');
    return { status: response.status };
  });

  console.log(`smoke: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(`smoke: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
