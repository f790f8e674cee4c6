/**
 * A floor for the POS bench: a plain node:http server redeeming codes at POST /internal/v1/discounts/redeem
 * with mysql2 and ioredis directly, no framework. Started by bench/pos.ts with the app's environment
 * (DATABASE_URL, REDIS_URL, REDIS_PREFIX, INTERNAL_API_KEYS, PORT) and a mode:
 *
 * - `app-sql`: the statements and Redis commands the app sends for a POS redemption of a personal code, in
 *   the app's order (bench/pos.ts counts both on the wire, prints them beside the app's and warns when they
 *   differ): the POS limit's script (the app reads its settings at most once a second); the code card;
 *   START TRANSACTION, the conditional UPDATE, the usage row, COMMIT; the answer; then the notice job
 *   (BullMQ's add), the audit row and TypeORM's read-back of it.
 * - `minimal-sql`: the least the rules need: the POS limit's script; the code card; then ONE round trip: the
 *   conditional UPDATE, the usage row and the audit row, each INSERT guarded by ROW_COUNT() of the UPDATE,
 *   and COMMIT; the answer.
 *
 * Only the bench's happy path (an active personal code) is served in full; anything else is answered 409,
 * which the bench counts as a refusal. This is a yardstick, not a second implementation.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createPool, Pool, PoolConnection } from 'mysql2/promise';
import { RECORD_FAILURE_THEN_PAUSE } from '../../src/infrastructure/redis/failures-then-pause';

type Mode = 'app-sql' | 'minimal-sql';
const mode = process.argv[2] as Mode;
const env = process.env as Record<string, string>;
const prefix = env.REDIS_PREFIX;
const apiKeys = env.INTERNAL_API_KEYS.split(',').map((key) => Buffer.from(key));

/** The app's POS limit script (src/modules/auth/pos/pos-limits.ts), same keys, same arguments. */
const TAKE = `
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return {0, paused, 0, 1} end
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if count > tonumber(ARGV[1]) then return {0, 1000, 0, 0} end
return {1, 0, 0, 0}
`;

const CARD_SQL = `
  SELECT d.id, d.code, d.template_id, d.user_id, d.kind, d.value, d.status, d.reason, d.period_key,
         d.issued_by_admin_id, d.valid_from, d.expires_at, d.used_at, d.suspended_at, d.redemption_count,
         d.max_redemptions, d.is_test, d.created_at,
         t.name AS template_name, t.description, t.min_purchase, t.is_active AS template_active,
         u.first_name
    FROM discounts d
    JOIN discount_templates t ON t.id = d.template_id
    LEFT JOIN users u ON u.id = d.user_id
   WHERE d.code = ?`;

const REDEEM = `
  UPDATE discounts FORCE INDEX (PRIMARY)
     SET status = 'used', used_at = ?, redemption_count = redemption_count + 1
   WHERE id = ? AND status = 'active' AND suspended_at IS NULL
     AND valid_from <= ? AND (expires_at IS NULL OR expires_at > ?)`;

const USAGE = `
  INSERT INTO discount_usage_logs
    (discount_id, user_id, cashier_id, channel, action, reject_code, purchase_amount, discount_amount,
     terminal_id, idempotency_key, response, created_at)`;

const AUDIT = `INSERT INTO audit_logs (actor_type, actor_id, action, entity_type, entity_id, changes, ip, request_id, created_at)`;

interface Card {
  id: number;
  code: string;
  user_id: number;
  kind: 'percent' | 'fixed';
  value: number;
  status: string;
  valid_from: Date;
  expires_at: Date | null;
  redemption_count: number;
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
    multipleStatements: mode === 'minimal-sql',
  });
  pool.on('connection', (c) => void c.query("SET time_zone = '+00:00'"));
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null }) as ScriptedRedis;
  redis.defineCommand('posTake', { numberOfKeys: 3, lua: TAKE });
  redis.defineCommand('posUnknownCode', { numberOfKeys: 2, lua: RECORD_FAILURE_THEN_PAUSE });
  const notices = new Queue('notifications', { connection: redis, prefix: `${prefix}:bull` });
  const redeem = mode === 'app-sql' ? appSql(pool, redis, notices) : minimalSql(pool, redis);

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
    void Promise.all([pool.end(), notices.close()]).finally(() => process.exit(0));
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

async function card(pool: Pool | PoolConnection, code: string): Promise<Card | null> {
  const [rows] = (await pool.query(CARD_SQL, [code.toUpperCase()])) as [Card[], unknown];
  return rows[0] ?? null;
}

function redemption(c: Card, body: RedeemBody, now: Date, redemptionId: number) {
  const discountAmount = c.kind === 'percent' ? Math.floor((body.purchaseAmount * c.value) / 100) : c.value;
  return {
    discountId: c.id,
    code: c.code,
    kind: c.kind,
    value: c.value,
    valueText: c.kind === 'percent' ? `${c.value} %` : `${c.value / 100} ₽`,
    templateName: c.template_name,
    description: c.description,
    client: { userId: c.user_id, firstName: c.first_name },
    shared: false,
    validFrom: c.valid_from,
    expiresAt: c.expires_at,
    minPurchase: c.min_purchase,
    redemptionCount: c.redemption_count + 1,
    maxRedemptions: c.max_redemptions,
    redemptionId,
    redeemed: true,
    usedAt: now,
    purchaseAmount: body.purchaseAmount,
    discountAmount,
  };
}

const usageValues = (c: Card, body: RedeemBody, now: Date, stored: string) => [
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
  stored,
  now,
];

const auditValues = (c: Card, body: RedeemBody, now: Date) => [
  'pos',
  body.terminalId,
  'discount.redeemed',
  'discount',
  String(c.id),
  JSON.stringify({ code: c.code, userId: c.user_id, channel: 'pos', terminalId: body.terminalId }),
  '127.0.0.1',
  'bench-request',
  now,
];

/** The app's round trips, in the app's order. */
function appSql(pool: Pool, redis: ScriptedRedis, notices: Queue) {
  let audits: Promise<void> = Promise.resolve();
  // The app reads two settings (the POS limit, the referral template) at most once a second each.
  let settingsReadAt = 0;
  const settings = () => redis.get(`${prefix}:cache:settings`);
  return async (body: RedeemBody, keyIndex: number, response: ServerResponse): Promise<void> => {
    if (Date.now() - settingsReadAt > 1_000) {
      settingsReadAt = Date.now();
      await Promise.all([settings(), settings()]);
    }
    if (!(await takeTurn(redis, keyIndex))) return answer(response, 429, { error: { code: 'RATE_LIMITED' } });
    const now = new Date();
    const c = await card(pool, body.code);
    if (!c || c.status !== 'active') return answer(response, 409, { error: { code: 'CODE_ALREADY_USED' } });
    const connection = await pool.getConnection();
    let redemptionId: number;
    try {
      await connection.query('START TRANSACTION');
      const [updated] = (await connection.query(REDEEM, [now, c.id, now, now])) as [
        { affectedRows: number },
        unknown,
      ];
      if (updated.affectedRows !== 1) {
        await connection.query('ROLLBACK');
        return answer(response, 409, { error: { code: 'CODE_ALREADY_USED' } });
      }
      const stored = JSON.stringify({ request: body, redemption: redemption(c, body, now, 0) });
      const [inserted] = (await connection.query(
        `${USAGE} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        usageValues(c, body, now, stored),
      )) as [{ insertId: number }, unknown];
      redemptionId = inserted.insertId;
      await connection.query('COMMIT');
    } finally {
      connection.release();
    }
    answer(response, 200, redemption(c, body, now, redemptionId));
    // After the answer, as the app's event handlers do: the client's notice (BullMQ's add; the referral check
    // reads its setting at most once a second), and the audit row with TypeORM's read-back of it, one after
    // another behind the audit rows before it (AuditRecorder writes them in order).
    notices
      .add(
        'notify-client',
        { notice: 'discount_redeemed', discountId: c.id, userId: c.user_id, redemptionId },
        { jobId: `discount-redeemed-${redemptionId}`, removeOnComplete: { age: 86_400 } },
      )
      .catch((error: unknown) => console.error(error));
    audits = audits
      .then(async () => {
        const [audit] = (await pool.query(
          `${AUDIT} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          auditValues(c, body, now),
        )) as [{ insertId: number }, unknown];
        await pool.query('SELECT id, created_at FROM audit_logs WHERE id = ?', [audit.insertId]);
      })
      .catch((error: unknown) => console.error(error));
  };
}

/** The lookup, then one round trip for the whole transaction. */
function minimalSql(pool: Pool, redis: ScriptedRedis) {
  const transaction =
    `START TRANSACTION; ${REDEEM}; SET @spent = ROW_COUNT();\n` +
    `${USAGE} SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM DUAL WHERE @spent = 1;\n` +
    `SET @usage = IF(@spent = 1, LAST_INSERT_ID(), NULL);\n` +
    `${AUDIT} SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM DUAL WHERE @spent = 1;\n` +
    `COMMIT; SELECT @spent AS spent, @usage AS usage_id`;
  return async (body: RedeemBody, keyIndex: number, response: ServerResponse): Promise<void> => {
    if (!(await takeTurn(redis, keyIndex))) return answer(response, 429, { error: { code: 'RATE_LIMITED' } });
    const now = new Date();
    const c = await card(pool, body.code);
    if (!c || c.status !== 'active') return answer(response, 409, { error: { code: 'CODE_ALREADY_USED' } });
    const stored = JSON.stringify({ request: body, redemption: redemption(c, body, now, 0) });
    const [results] = (await pool.query(transaction, [
      now,
      c.id,
      now,
      now,
      ...usageValues(c, body, now, stored),
      ...auditValues(c, body, now),
    ])) as [unknown[], unknown];
    const [row] = results[results.length - 1] as Array<{ spent: number; usage_id: number | null }>;
    if (Number(row.spent) !== 1) return answer(response, 409, { error: { code: 'CODE_ALREADY_USED' } });
    answer(response, 200, redemption(c, body, now, Number(row.usage_id)));
  };
}

void main();
