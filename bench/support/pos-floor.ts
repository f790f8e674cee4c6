/**
 * A floor for the POS bench: a plain node:http server redeeming codes at POST /internal/v1/discounts/redeem
 * with mysql2 and ioredis directly, no framework. Started by bench/pos.ts with the app's environment
 * (DATABASE_URL, REDIS_URL, REDIS_PREFIX, INTERNAL_API_KEYS, PORT) and a mode:
 *
 * - `app-sql`: the statements and Redis commands the app sends for a POS redemption of a personal code, in
 *   the app's order (bench/pos.ts counts both on the wire, prints them beside the app's and warns when they
 *   differ): the POS limit's script (the app's own, src/modules/auth/pos/pos-take.ts; the app reads its
 *   settings at most once a second); the code card; then ONE multi-statement batch as RedemptionLedger sends
 *   it (src/modules/codes/persistence/redemption-ledger.ts): START TRANSACTION, the shared-code variables
 *   reset, the conditional UPDATE, ROW_COUNT(), the count read back into a variable, the usage row, its id,
 *   the outbox event (outbox_events), its two deliveries (outbox_deliveries: the referral reward and the
 *   client's notice) and the audit row, each INSERT guarded by ROW_COUNT() of the UPDATE and patched by
 *   JSON_SET with what the batch learnt, COMMIT, and a SELECT of the outcome; the answer. Nothing after the
 *   answer: the notice is the outbox's (a worker's), and the bench runs the api role only, so the deliveries
 *   stay pending for the app and both floors alike.
 * - `minimal-sql`: the least the rules need, writing the same rows: the POS limit's script; the code card;
 *   then ONE round trip: the conditional UPDATE, then the usage row, the outbox event with its deliveries and
 *   the audit row, each guarded by ROW_COUNT() of the UPDATE, and COMMIT (the count after the UPDATE taken
 *   from the card, the redemption's id from LAST_INSERT_ID()); the answer.
 *
 * Only the bench's happy path (an active personal code) is served in full; anything else is answered 409,
 * which the bench counts as a refusal. This is a yardstick, not a second implementation.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import Redis from 'ioredis';
import { createPool, Pool } from 'mysql2/promise';
import { POS_TAKE } from '../../src/modules/auth/pos/pos-take';
import { CARD_SQL } from '../../src/modules/codes/persistence/code-cards';
import { REDEEM_PERSONAL } from '../../src/modules/codes/persistence/redemption-ledger';

type Mode = 'app-sql' | 'minimal-sql';
const mode = process.argv[2] as Mode;
const env = process.env as Record<string, string>;
const prefix = env.REDIS_PREFIX;
const apiKeys = env.INTERNAL_API_KEYS.split(',').map((key) => Buffer.from(key));

// The app's own lookup and redemption SQL, so the floor sends what the app sends.
const CARD_BY_CODE = `${CARD_SQL} WHERE d.code = ?`;

const SPENT = '@spent = 1';
const USAGE =
  'INSERT INTO discount_usage_logs (discount_id, user_id, cashier_id, channel, action, reject_code, ' +
  'purchase_amount, discount_amount, terminal_id, idempotency_key, response, created_at) ';
const EVENT = 'INSERT INTO outbox_events (event_id, type, payload, request_id, ip, created_at) ';
const AUDIT =
  'INSERT INTO audit_logs (actor_type, actor_id, action, entity_type, entity_id, changes, ip, request_id, created_at) ';
/** The consumers of `discount.redeemed` (the app writes one delivery row for each, due at once). */
const CONSUMERS = ['gifts.referral-reward', 'notices.client-notice'];
const REQUEST_ID = 'bench-request';
const IP = '127.0.0.1';

interface Card {
  id: number;
  code: string;
  template_id: number;
  user_id: number;
  kind: 'percent' | 'fixed';
  value: number;
  status: string;
  reason: string;
  valid_from: Date;
  expires_at: Date | null;
  redemption_count: number;
  is_test: number;
  template_name: string;
  description: string | null;
  min_purchase: number | null;
  max_redemptions: number | null;
  first_name: string | null;
}

interface RedeemBody {
  code: string;
  purchaseAmount: number;
  terminalId: string;
  idempotencyKey: string;
}

type ScriptedRedis = Redis & {
  posTake(a: string, b: string, c: string, limit: number, windowMs: number): Promise<number[]>;
};

async function main(): Promise<void> {
  const pool = createPool({
    uri: env.DATABASE_URL,
    connectionLimit: 10,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    multipleStatements: true,
  });
  pool.on('connection', (c) => void c.query("SET time_zone = '+00:00'"));
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null }) as ScriptedRedis;
  redis.defineCommand('posTake', { numberOfKeys: 3, lua: POS_TAKE });
  const redeem = redeemer(pool, redis, mode);

  const server = createServer((request, response) => {
    if (request.url === '/ready') return void response.end('ok');
    handle(request, response, redeem).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) answer(response, 500, { error: { code: 'INTERNAL_ERROR' } });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void Promise.all([pool.end(), redis.quit()]).finally(() => process.exit(0));
  });
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  redeem: (body: RedeemBody, keyIndex: number, response: ServerResponse) => Promise<void>,
): Promise<void> {
  // 'data' events, not `for await`: a stream's async iterator costs more CPU than a floor should.
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', resolve);
    request.on('error', reject);
  });
  const given = Buffer.from(String(request.headers['x-api-key'] ?? ''));
  const keyIndex = apiKeys.findIndex((key) => key.length === given.length && timingSafeEqual(given, key));
  if (keyIndex < 0) return answer(response, 401, { error: { code: 'API_KEY_INVALID' } });
  const body = JSON.parse(Buffer.concat(chunks).toString()) as RedeemBody;
  if (
    typeof body.code !== 'string' ||
    typeof body.idempotencyKey !== 'string' ||
    typeof body.terminalId !== 'string'
  ) {
    return answer(response, 400, { error: { code: 'VALIDATION_FAILED' } });
  }
  await redeem(body, keyIndex, response);
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The app's limit keys of a POS key; the bench sets pos.checks_per_minute to its maximum, 10 000. */
async function takeTurn(redis: ScriptedRedis, keyIndex: number): Promise<boolean> {
  const key = (what: string) => `${prefix}:limit:pos:${what}:${keyIndex}`;
  const [allowed] = await redis.posTake(key('requests'), key('paused'), key('refused'), 10_000, 60_000);
  return allowed === 1;
}

async function card(pool: Pool, code: string): Promise<Card | null> {
  const [rows] = (await pool.query(CARD_BY_CODE, [code.toUpperCase()])) as [Card[], unknown];
  return rows[0] ?? null;
}

const discountAmount = (c: Card, body: RedeemBody) =>
  c.kind === 'percent' ? Math.floor((body.purchaseAmount * c.value) / 100) : c.value;
const valueText = (c: Card) => (c.kind === 'percent' ? `${c.value} %` : `${c.value / 100} ₽`);

function redemption(c: Card, body: RedeemBody, now: Date, redemptionId: number, redemptionCount: number) {
  return {
    discountId: c.id,
    code: c.code,
    kind: c.kind,
    value: c.value,
    valueText: valueText(c),
    templateName: c.template_name,
    description: c.description,
    client: { userId: c.user_id, firstName: c.first_name },
    shared: false,
    validFrom: c.valid_from,
    expiresAt: c.expires_at,
    minPurchase: c.min_purchase,
    redemptionCount,
    maxRedemptions: c.max_redemptions,
    redemptionId,
    redeemed: true,
    usedAt: now,
    purchaseAmount: body.purchaseAmount,
    discountAmount: discountAmount(c, body),
  };
}

/** One redemption's inputs, from which each statement of the batch takes its values. */
interface Redeeming {
  card: Card;
  body: RedeemBody;
  now: Date;
  eventId: string;
}

/** A statement of the batch; `appOnly`: sent by the app but not needed by the rules (the minimal floor). */
interface Step {
  sql: string;
  values?: (r: Redeeming) => unknown[];
  appOnly?: boolean;
}

/**
 * The redemption's batch, statement by statement. The app's (RedemptionLedger) resets the shared-code
 * variables and reads the count after the UPDATE back, patching it into the stored answer; the minimal one
 * takes the count from the card (a personal code is redeemed once).
 */
const STEPS = (asTheApp: boolean): Step[] => [
  { sql: 'SET @mine = 0, @mine_at = NULL', appOnly: true },
  { sql: REDEEM_PERSONAL, values: ({ card: c, now }) => [now, c.id, now, now] },
  { sql: 'SET @spent = ROW_COUNT()' },
  {
    sql: 'SELECT redemption_count INTO @count FROM discounts WHERE id = ?',
    values: ({ card: c }) => [c.id],
    appOnly: true,
  },
  {
    sql:
      `${USAGE}SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ` +
      `${asTheApp ? "JSON_SET(?, '$.redemption.redemptionCount', @count)" : '?'}, ? FROM DUAL WHERE ${SPENT}`,
    values: ({ card: c, body, now }) => [
      c.id,
      c.user_id,
      null,
      'pos',
      'redeemed',
      null,
      body.purchaseAmount,
      null,
      body.terminalId,
      body.idempotencyKey,
      JSON.stringify({ request: body, redemption: redemption(c, body, now, 0, c.redemption_count + 1) }),
      now,
    ],
  },
  { sql: `SET @usage = IF(${SPENT}, LAST_INSERT_ID(), NULL)` },
  {
    sql: `${EVENT}SELECT ?, ?, JSON_SET(?, '$.redeemed.redemptionId', @usage), ?, ?, ? FROM DUAL WHERE ${SPENT}`,
    values: ({ card: c, body, now, eventId }) => [
      eventId,
      'discount.redeemed',
      JSON.stringify({ redeemed: fact(c, body, now) }),
      REQUEST_ID,
      IP,
      now,
    ],
  },
  {
    sql:
      'INSERT INTO outbox_deliveries (event_id, consumer, next_attempt_at) ' +
      CONSUMERS.map(() => `SELECT ?, ?, ? FROM DUAL WHERE ${SPENT}`).join(' UNION ALL '),
    values: ({ now, eventId }) => CONSUMERS.flatMap((consumer) => [eventId, consumer, now]),
  },
  {
    sql: `${AUDIT}SELECT ?, ?, ?, ?, ?, JSON_SET(?, '$.redemptionId', @usage), ?, ?, ? FROM DUAL WHERE ${SPENT}`,
    values: ({ card: c, body, now }) => [
      'pos',
      body.terminalId,
      'discount.redeemed',
      'discount',
      String(c.id),
      JSON.stringify({
        code: c.code,
        userId: c.user_id,
        channel: 'pos',
        terminalId: body.terminalId,
        purchaseAmount: body.purchaseAmount,
        discountAmount: discountAmount(c, body),
        redemptionId: 0,
      }),
      IP,
      REQUEST_ID,
      now,
    ],
  },
];

/** The payload of the `discount.redeemed` fact (the app's RedeemedCode; the id patched in by the batch). */
const fact = (c: Card, body: RedeemBody, now: Date) => ({
  discountId: c.id,
  redemptionId: 0,
  code: c.code,
  templateId: c.template_id,
  reason: c.reason,
  userId: c.user_id,
  kind: c.kind,
  value: c.value,
  valueText: valueText(c),
  channel: 'pos',
  cashierId: null,
  adminId: null,
  terminalId: body.terminalId,
  purchaseAmount: body.purchaseAmount,
  discountAmount: discountAmount(c, body),
  usedAt: now,
  isTest: c.is_test === 1,
});

interface Outcome {
  spent: number | string | null;
  usage_id: number | string | null;
  redemption_count?: number | string | null;
}

/** The redemption: the limit, the lookup, then the whole transaction in one round trip. */
function redeemer(pool: Pool, redis: ScriptedRedis, kind: Mode) {
  const asTheApp = kind === 'app-sql';
  const steps = STEPS(asTheApp).filter((step) => asTheApp || !step.appOnly);
  const outcome = asTheApp
    ? 'SELECT @spent AS spent, @usage AS usage_id, @count AS redemption_count, ' +
      'CAST(@mine_at AS DATETIME(3)) AS client_redeemed_at'
    : 'SELECT @spent AS spent, @usage AS usage_id';
  const batch = `START TRANSACTION;\n${steps.map((step) => step.sql).join(';\n')};\nCOMMIT;\n${outcome}`;
  // The app reads two settings (the POS limit, the referral template) at most once a second each.
  let settingsReadAt = 0;
  const settings = () => redis.get(`${prefix}:cache:settings`);
  return async (body: RedeemBody, keyIndex: number, response: ServerResponse): Promise<void> => {
    if (asTheApp && Date.now() - settingsReadAt > 1_000) {
      settingsReadAt = Date.now();
      await Promise.all([settings(), settings()]);
    }
    if (!(await takeTurn(redis, keyIndex))) return answer(response, 429, { error: { code: 'RATE_LIMITED' } });
    const now = new Date();
    const c = await card(pool, body.code);
    if (!c || c.status !== 'active') return answer(response, 409, { error: { code: 'CODE_ALREADY_USED' } });
    const redeeming: Redeeming = { card: c, body, now, eventId: randomUUID() };
    const connection = await pool.getConnection();
    let row: Outcome;
    try {
      const [results] = (await connection.query(
        batch,
        steps.flatMap((step) => step.values?.(redeeming) ?? []),
      )) as [unknown[], unknown];
      [row] = results[results.length - 1] as Outcome[];
    } catch (error) {
      // As StatementBatches: a batch failing part-way leaves its transaction open on the connection.
      await connection.query('ROLLBACK');
      throw error;
    } finally {
      connection.release();
    }
    if (Number(row.spent) !== 1) return answer(response, 409, { error: { code: 'CODE_ALREADY_USED' } });
    const count = asTheApp ? Number(row.redemption_count) : c.redemption_count + 1;
    answer(response, 200, redemption(c, body, now, Number(row.usage_id), count));
  };
}

void main();
