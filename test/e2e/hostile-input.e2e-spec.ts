import { Logger } from '@nestjs/common';
import type { Update } from 'telegraf/types';
import { ErrorCode } from '../../src/common/errors/error-code';
import { ERROR_STATUS } from '../../src/common/errors/error-status';
import { ADMIN_REQUESTS_PER_MINUTE } from '../../src/modules/auth/guards/rate-limit.guard';
import { AccessTokens } from '../../src/modules/auth/tokens/access-tokens';
import { FIELD_OPERATORS } from '../../src/modules/segments/domain/segment-filter';
import { SETTING_KEYS } from '../../src/modules/settings/domain/setting-definitions';
import { loginAs } from '../support/auth';
import { aCashier, aDiscount, aDiscountTemplate, anAdmin, aUser } from '../support/factories';
import { signInitData, tma } from '../support/init-data';
import { registeredRoutes, Route } from '../support/routes';
import type { DeliveryResult } from '../support/telegram-emulator/delivery';
import { TelegramEmulator } from '../support/telegram-emulator/telegram-emulator';
import type { FakeUser } from '../support/telegram-emulator/types';
import { createTestApp, TestApp } from '../support/test-app';
import { liftPosLimits } from '../support/pos-limits';

/*
 * "Bad input never crashes anything": every registered route (admin routes as an owner, so the role checks
 * pass and input handling is what runs; POS routes with a valid key; the webhooks with the secret) gets
 * hostile path parameters, query strings built from the Swagger parameters of the route, and bodies built
 * from its Swagger body schema: one bad thing at a time on top of a body that is otherwise valid, so the
 * bad value reaches the code behind the validator. Every answer must be below 500, and every 4xx the one
 * error shape with a known code and that code's status. The combinations are sampled (one field at a time,
 * a seeded sample of values), not a cartesian product.
 */

// ---- Hostile values ----

const LONG = 'x'.repeat(300);
const HUGE = 'я'.repeat(10_000);
const MEGABYTE = 'x'.repeat(1024 * 1024);
/** `{ a: { a: ... } }`, `depth` levels. */
const deep = (depth: number, leaf: unknown = 1): unknown =>
  depth === 0 ? leaf : { a: deep(depth - 1, leaf) };
const DEEP = deep(50);
const MANY_IDS = Array.from({ length: 10_001 }, (_, i) => i + 1);

/** Path parameters: already URL-encoded (sent as they are). */
const PATH_VALUES = [
  'abc',
  '-1',
  '0',
  '99999999999999999999',
  '1.5',
  LONG,
  '%F0%9F%8D%AC',
  '..%2F..',
  '2147483648',
  '1e3',
  '%00',
  '%20',
  '%E0%A4%A',
  'null',
];

/** Query values (encoded when sent); an array is the parameter repeated. */
const QUERY_VALUES: (string | string[])[] = [
  'abc',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  '1e400',
  '4294967296',
  '',
  ' ',
  LONG,
  'x'.repeat(4000),
  '🍬',
  "';drop table users;--",
  '\u0000',
  '2026-02-31',
  '99999-12-31',
  '0000-00-00',
  '2026-13-45T25:61:61Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-19',
  'true',
  'null',
  ['1', '2'],
  ['a', 'b'],
];

/** Query values every parameter of a kind gets (on top of a sample of QUERY_VALUES). */
const QUERY_BY_KIND: Record<string, (string | string[])[]> = {
  number: ['abc', '-1', '0', '1.5', '99999999999999999999', '4294967296'],
  boolean: ['maybe', 'TRUE'],
  date: ['2026-02-31', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-00-00T00:00'],
  string: [],
};

/** Whole bodies: not objects, not JSON, too deep, or reaching for the prototype. */
const RAW_BODIES = [
  '[]',
  '"x"',
  'null',
  '{}',
  '42',
  'true',
  '[{}]',
  '{"a":',
  '{"a":1}{',
  '\u0000',
  `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  '{"__proto__":{"role":"owner"},"constructor":{"prototype":{"x":1}}}',
];

/** Bodies sent as something other than plain JSON: another charset, a compression, a form, text. */
const ODD_ENCODINGS: [string, Record<string, string>][] = [
  ['{}', { 'Content-Type': 'application/json; charset=koi8-r' }],
  ['{}', { 'Content-Type': 'application/json; charset=utf-16' }],
  ['{}', { 'Content-Encoding': 'gzip' }],
  ['{}', { 'Content-Encoding': 'x-unknown' }],
  ['x', { 'Content-Type': 'text/plain' }],
  [
    'a[b][c][d][e][f][g][h]=1&userIds[]=x&userIds[99999]=1&__proto__[role]=owner&filter[all]=x',
    { 'Content-Type': 'application/x-www-form-urlencoded' },
  ],
  [
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    { 'Content-Type': 'multipart/form-data; boundary=x' },
  ],
];

/** Body field values of every type: each field gets a sample of these on top of its type's wrong ones. */
const ANY_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e20,
  -1e20,
  2147483648,
  4294967296,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  '',
  ' ',
  'abc',
  '-1',
  LONG,
  HUGE,
  '🍬'.repeat(50),
  "'; DROP TABLE users; --",
  '\u0000',
  '<b>',
  '2026-02-31',
  '99999-12-31T00:00:00Z',
  '0000-00-00',
  [],
  [null],
  [1e20],
  [LONG],
  [[]],
  [{}],
  {},
  { a: 1 },
  DEEP,
];

/** Values of the right type that are still out of line, and values of other types, by declared type. */
const BY_TYPE: Record<string, unknown[]> = {
  string: [42, false, ['a'], { a: 'b' }, null, '', LONG, HUGE],
  number: ['1', 'abc', true, [1], { n: 1 }, null, -1, 0, 1.5, 1e20, 2147483648, 4294967296],
  integer: ['1', 'abc', true, [1], { n: 1 }, null, -1, 0, 1.5, 1e20, 2147483648, 4294967296],
  boolean: ['true', 1, null, [], {}],
  array: ['a', 1, {}, null, [null], [1e20], [-1], [LONG], [{}], [[]], MANY_IDS],
  object: ['a', 1, [], null, DEEP, { a: 1 }, [{}]],
};

/** Values shaped for what a field means (segment filters, buttons, dates...), by field name. */
const BY_FIELD: Record<string, unknown[]> = {
  filter: [
    { all: 'x' },
    { any: [[]] },
    { all: [], any: [] },
    { all: [null, 1, 'x'] },
    deep(50, { all: [] }),
    nestedGroups(40),
    { all: Array.from({ length: 500 }, () => ({ field: 'isTest', op: 'eq', value: false })) },
    ...segmentRuleGarbage().map((rule) => ({ all: [rule] })),
  ],
  buttons: [
    [[{ text: 'x', url: 'javascript:alert(1)' }]],
    [[{ text: 'x', url: 'http://' }]],
    [[{ text: LONG, url: 'https://example.com' }]],
    [[{ text: 'x', url: `https://example.com/${HUGE}` }]],
    [[null]],
    [['x']],
    [[{}]],
    [[{ text: 1e20, url: 1e20 }]],
    [{ text: 'x', url: 'https://example.com' }],
    Array.from({ length: 100 }, () => [{ text: 'x', url: 'https://example.com' }]),
    [Array.from({ length: 100 }, () => ({ text: 'x', url: 'https://example.com' }))],
  ],
  media: [
    'http://example.com/a.jpg',
    'https://',
    'ftp://example.com/a',
    'file:///etc/passwd',
    'x'.repeat(1024),
  ],
  contentType: ['photo', 'video', 'audio'],
  text: ['<b>', '<a href="javascript:x">x</a>', '<script>x</script>', '{unknown}', '{first_name', '}{', HUGE],
  scheduledAt: [
    'now',
    '2026-02-31T10:00',
    '99999-12-31T10:00',
    '+275760-09-13T00:00:00Z',
    '2030-01-01T10:00+99:99',
    '2030-01-01T25:00',
    '0000-00-00T00:00',
    '2030-01-01',
  ],
  expiresAt: [
    '2026-02-31',
    '99999-12-31T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '1970-01-01',
    1e20,
    -1e20,
  ],
  birthDate: ['2026-02-31', '1904-02-29', '0000-00-00', '99999-12-31', '--02-30', '31.02', '1e20'],
  tags: [['VIP'], Array.from({ length: 21 }, (_, i) => `t${i}`), ['a b'], ['🍬'], [LONG]],
  add: [['VIP'], Array.from({ length: 21 }, (_, i) => `t${i}`), ['a b'], [LONG]],
  remove: [['a b'], [LONG]],
  values: [{ first_name: LONG }, { first_name: 1e20 }, { first_name: { a: 1 } }, { unknown: 'x' }, DEEP],
  username: ['admin', 'a'.repeat(64), 'a b', '..', LONG],
  idempotencyKey: ['a'.repeat(128), 'a'.repeat(129), 'a b', '../..'],
  code: ['K7M2-QX9A', 'кмх', '  ', '-----', 'x'.repeat(64), '%'],
  value: ['Asia/Nowhere', '25:61', '@', 'https://', 0.001, 1001, 10_001, 367],
};

/** Updates that carry an update_id but nothing Telegram would send in it. */
function garbageUpdates(id: () => number, person: number): unknown[] {
  const chat = { id: person, type: 'private' };
  const from = { id: person, is_bot: false, first_name: 'X' };
  const message = (fields: Record<string, unknown>) => ({ message_id: 1, date: 0, chat, from, ...fields });
  return [
    { update_id: 'x' },
    { update_id: -1 },
    { update_id: 1.5 },
    { update_id: 1e20 },
    { update_id: id() },
    { update_id: id(), message: 'x' },
    { update_id: id(), message: null },
    { update_id: id(), message: {} },
    { update_id: id(), message: [] },
    { update_id: id(), message: message({ text: 42 }) },
    { update_id: id(), message: message({ text: ['/start'] }) },
    { update_id: id(), message: message({ text: '/start', chat: { id: 'abc', type: 'private' } }) },
    {
      update_id: id(),
      message: message({ text: '/start', from: { id: 1e20, is_bot: false, first_name: 'X' } }),
    },
    {
      update_id: id(),
      message: message({ text: '/start', from: { id: -5, is_bot: false, first_name: LONG } }),
    },
    { update_id: id(), message: message({ text: '/start', from: null }) },
    { update_id: id(), message: message({ text: '/start', chat: { id: -100, type: 'supergroup' } }) },
    { update_id: id(), message: message({ text: '/start', entities: 'x' }) },
    {
      update_id: id(),
      message: message({ text: '/start', entities: [{ type: 'bot_command', offset: -1 }] }),
    },
    { update_id: id(), message: message({ photo: 'x' }) },
    { update_id: id(), message: message({ contact: { phone_number: LONG } }) },
    { update_id: id(), callback_query: {} },
    { update_id: id(), callback_query: { id: 1, data: {}, from: null } },
    { update_id: id(), callback_query: { id: 'q', data: 'sub:check', from, message: 'x' } },
    { update_id: id(), my_chat_member: {} },
    { update_id: id(), my_chat_member: { chat, from, new_chat_member: 'x', old_chat_member: null } },
    { update_id: id(), chat_member: { chat: null } },
    { update_id: id(), chat_member: { chat: { id: 'x' }, new_chat_member: { status: 'member', user: 'x' } } },
    { update_id: id(), edited_message: {} },
    { update_id: id(), channel_post: message({ text: '/start' }) },
    { update_id: id(), inline_query: {} },
    { update_id: id(), poll: 'x' },
    { update_id: id(), unknown_kind: { a: 1 } },
    { update_id: id(), message: DEEP },
  ];
}

/** What people type to each bot: commands with odd arguments, dates that are not, texts at the limits. */
const BOT_TEXTS: Record<'client' | 'staff', string[]> = {
  client: [
    '/start',
    `/start ${'x'.repeat(64)}`,
    '/start ../..',
    '/start 🍬',
    '/start ref_',
    `/start ref_${'z'.repeat(60)}`,
    '/birthday',
    '31.02',
    '29.02.1900',
    '99.99.9999',
    '00.00',
    '\u0000',
    '/cancel',
    '🎁 Мои скидки',
    '🎂 День рождения',
    '1904-02-29',
    'я'.repeat(4096),
    `/${'x'.repeat(64)}`,
  ],
  staff: [
    '/start',
    '/link',
    '/link abc',
    `/link ${'9'.repeat(30)}`,
    '/login',
    '/check',
    '/check кмх',
    `/check ${'A'.repeat(64)}`,
    '/broadcast',
    '/cancel',
    'K7M2-QX9A',
    '\u0000',
    'я'.repeat(4096),
  ],
};

/** Buttons nobody showed: odd ids, unknown prefixes, data past Telegram's 64 bytes. */
const BUTTON_DATA: Record<'client' | 'staff', string[]> = {
  client: ['sub:check', 'bday:yes', 'bday:no', 'qr:ZZZZ', `qr:${'A'.repeat(16)}`, 'qr:', '', 'x'.repeat(200)],
  staff: [
    'cashier:register',
    'cashier:approve:9999999999',
    'cashier:reject:4294967296',
    'cashier:approve:0',
    `cashier:approve:${'1'.repeat(100)}`,
    'redeem:AAAA',
    `redeem:${'Z'.repeat(16)}`,
    'bc:',
    `bc:${'x'.repeat(100)}`,
    '',
  ],
};

function nestedGroups(depth: number): unknown {
  return depth === 0 ? { field: 'isTest', op: 'eq', value: false } : { any: [nestedGroups(depth - 1)] };
}

/** Every field and operator of the segment grammar with values it should refuse, or take at an extreme. */
function segmentRuleGarbage(): unknown[] {
  const values: unknown[] = [1e20, -1, 1.5, 'x', null, [], {}, '2026-02-31', ['99999-12-31', '0000-00-00']];
  const rules: unknown[] = [{ field: 'nope', op: 'eq', value: 1 }, { field: 'tags' }, {}];
  for (const [field, ops] of Object.entries(FIELD_OPERATORS))
    for (const op of ops)
      for (const value of sample(values, 3, `${field}.${op}`)) rules.push({ field, op, value });
  return rules;
}

/** A deterministic sample of `count` items (seeded by `seed`), so a failure can be replayed. */
function sample<T>(items: readonly T[], count: number, seed: string): T[] {
  if (items.length <= count) return [...items];
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, count);
}

// ---- Swagger ----

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

// ---- The walk ----

const CODES = new Set<string>(Object.values(ErrorCode));

/** What is wrong with an answer, or null when it is fine. */
function problemWith(status: number, body: unknown, text: string): string | null {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return null;
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  const shaped =
    typeof body === 'object' &&
    body !== null &&
    Object.keys(body).join() === 'error' &&
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    CODES.has(error.code) &&
    typeof error.message === 'string' &&
    error.message !== '' &&
    (error.details === null || (typeof error.details === 'object' && !Array.isArray(error.details)));
  if (!shaped) return `answered ${status} without the error shape: ${text.slice(0, 300)}`;
  const expected = ERROR_STATUS[error.code as ErrorCode];
  if (expected !== status) return `answered ${status} with ${String(error.code)}, which is ${expected}`;
  return null;
}

const short = (value: string | undefined, max = 160) =>
  value === undefined ? '' : value.length > max ? `${value.slice(0, max)}…(${value.length} chars)` : value;

describe('hostile input on every registered route', () => {
  let emulator: TelegramEmulator;
  let t: TestApp;
  let routes: Route[];
  let doc: OpenApi;
  const loggedErrors: string[] = [];
  const walk = { started: 0, sent: 0, statuses: new Map<number, number>(), routes: new Set<string>() };

  // Fixtures: the ids a valid path parameter takes, and the rows valid bodies point at.
  const valid: Record<string, string> = {};
  const fixture = { userId: 0, templateId: 0, posCode: '', cashierTelegramId: 0 };
  let walker: { adminId: number; telegramId: number; auth: string; used: number };
  let nextTelegramId = 880_000_000;
  let serial = 0;

  /** An owner to walk as; a fresh one before the per-admin rate limit would answer RATE_LIMITED. */
  async function newWalker(): Promise<void> {
    const telegramId = ++nextTelegramId;
    const { admin, auth } = await loginAs(t, 'owner', { telegramId });
    // Started the client bot, so POST /broadcasts/:id/test can reach the owner's own chat.
    await emulator.sendText(t.config.clientBotToken, { id: telegramId, first_name: 'Walker' }, '/start');
    walker = { adminId: admin.id, telegramId, auth: auth.Authorization, used: 0 };
  }

  async function ownerAuth(): Promise<string> {
    if (walker.used >= ADMIN_REQUESTS_PER_MINUTE - 10) await newWalker();
    walker.used++;
    return walker.auth;
  }

  /** Counts an answer and says what is wrong with it, if anything. */
  function record(route: Route, status: number, text: string): string | null {
    walk.sent++;
    walk.routes.add(route.name);
    walk.statuses.set(status, (walk.statuses.get(status) ?? 0) + 1);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return problemWith(status, body, text);
  }

  /** Sends one request to `route` as its caller (owner, till or Telegram); returns the problem, if any. */
  async function probe(
    route: Route,
    url: string,
    body?: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<string | null> {
    const headers: Record<string, string> = {};
    if (route.access.kind === 'admin') headers.Authorization = await ownerAuth();
    if (route.access.kind === 'pos') headers['X-API-Key'] = t.config.internalApiKeys[0];
    if (route.access.kind === 'telegram')
      headers['X-Telegram-Bot-Api-Secret-Token'] = t.config.telegramWebhookSecret;
    if (route.access.kind === 'miniapp') {
      // The walking owner started the client bot; the fixture cashier writes to the staff bot.
      const [token, id] =
        route.access.bot === 'client'
          ? [t.config.clientBotToken, walker.telegramId]
          : [t.config.staffBotToken, fixture.cashierTelegramId];
      Object.assign(headers, tma(signInitData(token, { id })));
    }
    // The login routes are limited per client IP: one IP per request keeps the limit out of the way.
    headers['X-Forwarded-For'] = `10.${(walk.sent >> 16) & 255}.${(walk.sent >> 8) & 255}.${walk.sent & 255}`;
    if (route.name === 'AuthController.logout') {
      // Logging out the walking session would end the walk: log out a session of its own.
      headers.Authorization = `Bearer ${t.get(AccessTokens).sign(walker.adminId, 'owner').accessToken}`;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, extraHeaders);
    const sentAs = Object.keys(extraHeaders).length ? ` (${JSON.stringify(extraHeaders)})` : '';
    const label = `${route.method} ${short(url)}${body === undefined ? '' : ` ${short(body, 200)}`}${sentAs}`;
    try {
      const response = await fetch(`${t.url}${url}`, {
        method: route.method,
        headers,
        body,
        signal: AbortSignal.timeout(15_000),
      });
      const problem = record(route, response.status, await response.text());
      return problem && `${label}: ${problem}`;
    } catch (error) {
      walk.sent++;
      return `${label}: no answer (${(error as Error).message})`;
    }
  }

  beforeAll(async () => {
    emulator = await TelegramEmulator.start();
    t = await createTestApp({
      webhooks: true,
      env: { TELEGRAM_API_ROOT: emulator.apiRoot, APP_ROLES: 'api,bots', TRUST_PROXY: 'loopback' },
    });
    await liftPosLimits(t);
    routes = registeredRoutes(t);
    doc = (await (await fetch(`${t.url}/docs-json`)).json()) as OpenApi;
    // Anything the app logs as an error (an unhandled HTTP error, a bot handler that threw) is a crash too.
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => {
      loggedErrors.push(
        short(
          JSON.stringify(args, (_k, v: unknown) => (v instanceof Error ? v.stack : v)),
          600,
        ),
      );
    });
    walk.started = Date.now();
    await newWalker();

    const user = await aUser(t.dataSource);
    const client = await aUser(t.dataSource);
    const template = await aDiscountTemplate(t.dataSource);
    const editable = await aDiscountTemplate(t.dataSource);
    const discount = await aDiscount(t.dataSource, client, { templateId: template.id, reason: 'manual' });
    const toRevoke = await aDiscount(t.dataSource, client, { templateId: template.id, reason: 'manual' });
    const atTheTill = await aDiscount(t.dataSource, client, { templateId: template.id, reason: 'manual' });
    const applicant = await aCashier(t.dataSource);
    const cashier = await aCashier(t.dataSource, { status: 'approved' });
    const victim = await anAdmin(t.dataSource, { role: 'marketing' });
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { Authorization: await ownerAuth(), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown>;
    };
    const segment = await post('/api/v1/segments', { name: 'Walk', filter: { all: [] } });
    const broadcast = await post('/api/v1/broadcasts', { title: 'Walk', text: 'Привет' });
    const job = await post('/api/v1/users/bulk/discounts', { templateId: template.id, userIds: [client.id] });
    const messages = (
      (await (
        await fetch(`${t.url}/api/v1/message-templates`, { headers: { Authorization: await ownerAuth() } })
      ).json()) as { items: { key: string }[] }
    ).items;

    Object.assign(fixture, {
      userId: client.id,
      templateId: template.id,
      posCode: atTheTill.code,
      cashierTelegramId: cashier.telegramId,
    });
    Object.assign(valid, {
      'users:id': String(user.id),
      'admins:id': String(victim.id),
      'discount-templates:id': String(editable.id),
      'discounts:code': discount.code,
      'discounts:code/revoke': toRevoke.code,
      'cashiers:id': String(applicant.id),
      'segments:id': String(segment.id),
      'broadcasts:id': String(broadcast.id),
      'settings:key': 'shop.contacts',
      'message-templates:key': messages[0].key,
      'jobs:id': String(job.jobId),
    });
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await emulator?.stop();
  });

  /** A body a route accepts (so one bad field at a time reaches the code behind the validator). */
  function validBody(route: Route): Record<string, unknown> {
    const key = () => `walk-${++serial}-${Date.now()}`;
    const bodies: Record<string, () => Record<string, unknown>> = {
      'POST /api/v1/auth/login': () => ({ username: `nobody${serial++}`, password: 'not-the-password' }),
      'POST /api/v1/auth/telegram': () => ({ token: 'x'.repeat(32) }),
      'POST /api/v1/admins': () => ({
        username: `walk${++serial}`,
        password: 'long-enough-pass',
        role: 'readonly',
      }),
      'POST /api/v1/admins/:id/password': () => ({ password: 'long-enough-pass' }),
      'POST /api/v1/discount-templates': () => ({ name: `Walk ${++serial}`, kind: 'fixed', value: 30000 }),
      'POST /api/v1/discounts': () => ({ templateId: fixture.templateId, userId: fixture.userId }),
      'POST /api/v1/discounts/:code/redeem': () => ({ idempotencyKey: key() }),
      'POST /internal/v1/discounts/validate': () => ({ code: fixture.posCode }),
      'POST /internal/v1/discounts/redeem': () => ({
        code: fixture.posCode,
        terminalId: 'till-1',
        idempotencyKey: key(),
      }),
      'POST /api/v1/users/bulk/discounts': () => ({
        templateId: fixture.templateId,
        userIds: [fixture.userId],
      }),
      'POST /api/v1/users/bulk/tags': () => ({ add: ['walk'], userIds: [fixture.userId] }),
      'POST /api/v1/segments': () => ({ name: `Walk ${++serial}`, filter: { all: [] } }),
      'POST /api/v1/segments/preview': () => ({ filter: { all: [] } }),
      'POST /api/v1/broadcasts': () => ({ title: 'Walk', text: 'Привет' }),
      'POST /api/v1/broadcasts/:id/schedule': () => ({ scheduledAt: '2030-01-01T10:00' }),
      'PUT /api/v1/settings/:key': () => ({ value: 'Контакты' }),
      'PUT /api/v1/message-templates/:key': () => ({ text: 'Здравствуйте!' }),
    };
    return bodies[`${route.method} ${route.pattern}`]?.() ?? {};
  }

  function operationOf(route: Route): Operation | undefined {
    return doc.paths[route.pattern.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
  }

  function resolve(schema: Schema | undefined): Schema | undefined {
    const ref = schema?.$ref?.replace('#/components/schemas/', '');
    return ref ? doc.components.schemas[ref] : schema;
  }

  function validParam(route: Route, name: string): string {
    const [, , , resource] = route.pattern.split('/');
    const action = route.pattern.split('/').at(-1);
    return valid[`${resource}:${name}/${action}`] ?? valid[`${resource}:${name}`] ?? '1';
  }

  function pathWith(route: Route, name?: string, value?: string): string {
    return route.pattern.replace(/:(\w+)/g, (_m, param: string) =>
      param === name ? (value as string) : encodeURIComponent(validParam(route, param)),
    );
  }

  it('answers hostile admin and POS requests below 500, every 4xx in the error shape', async () => {
    const problems: string[] = [];
    const check = async (...args: Parameters<typeof probe>) => {
      const problem = await probe(...args);
      if (problem) problems.push(problem);
    };
    // Reads first, then changes, deletions last: a deleted fixture would hide what the other routes do.
    const ORDER = ['GET', 'PUT', 'PATCH', 'POST', 'DELETE'];
    const http = routes
      .filter((route) => route.access.kind !== 'telegram')
      .sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));

    for (const route of http) {
      const operation = operationOf(route);
      const hasBody = !['GET', 'DELETE'].includes(route.method);
      const json = (value: unknown) => (hasBody ? JSON.stringify(value) : undefined);
      const base = () => validBody(route);

      // A valid request first, then every path parameter hostile.
      await check(route, pathWith(route), json(base()));
      for (const param of route.params)
        for (const value of PATH_VALUES) await check(route, pathWith(route, param, value), json(base()));

      // Every declared query parameter garbage, one at a time; then all at once; then the classic.
      const query = (operation?.parameters ?? []).filter((p) => p.in === 'query');
      for (const param of query) {
        const values = [
          ...(QUERY_BY_KIND[queryKind(param.name, resolve(param.schema))] ?? []),
          ...sample(QUERY_VALUES, 8, `${route.name}?${param.name}`),
        ];
        for (const value of values)
          await check(route, `${pathWith(route)}${queryString([[param.name, value]])}`, json(base()));
      }
      for (let round = 0; round < (query.length ? 3 : 0); round++) {
        const all = query.map((p): [string, string | string[]] => [
          p.name,
          sample(QUERY_VALUES, 1, `${route.name}#${round}${p.name}`)[0],
        ]);
        await check(route, `${pathWith(route)}${queryString(all)}`, json(base()));
      }
      const classic = queryString([
        ['page', '-1'],
        ['limit', '100000'],
        ['sort', ';drop'],
        ['unknownField', '1'],
      ]);
      await check(route, `${pathWith(route)}${classic}`, json(base()));

      if (!hasBody) continue;
      // Whole bodies that are not what anyone expects.
      const path = pathWith(route);
      for (const raw of RAW_BODIES) await check(route, path, raw);
      await check(route, path, JSON.stringify({ ...base(), unknownField: 1 }));
      await check(route, path, JSON.stringify({ ...base(), nested: DEEP }));
      await check(route, path, JSON.stringify({ ...base(), big: MEGABYTE }));
      for (const [body, headers] of ODD_ENCODINGS) await check(route, path, body, headers);

      // Each declared field wrong: values of other types, extremes of its own, values shaped for its meaning.
      const schema = resolve(operation?.requestBody?.content?.['application/json']?.schema);
      for (const [field, property] of Object.entries(schema?.properties ?? {})) {
        const type = resolve(property)?.type ?? 'object';
        const values = [
          ...(BY_TYPE[type] ?? []),
          ...(BY_FIELD[field] ?? []),
          ...sample(ANY_VALUES, 3, `${route.name}.${field}`),
        ];
        for (const value of values) await check(route, path, JSON.stringify({ ...base(), [field]: value }));
      }

      // Settings: every key gets values of every kind, not only the one the walk's valid path names.
      if (route.name === 'SettingsController.change')
        for (const key of SETTING_KEYS)
          for (const value of sample([...ANY_VALUES, ...BY_FIELD.value], 12, key))
            await check(route, `/api/v1/settings/${encodeURIComponent(key)}`, JSON.stringify({ value }));
    }
    expect(problems).toEqual([]);
    // About 4 600 requests: two minutes alone, more when the machine is shared (a bound, not a measure).
  }, 300_000);

  it('answers garbage updates on both Telegram webhooks below 500', async () => {
    const problems: string[] = [];
    const webhooks = routes.filter((route) => route.access.kind === 'telegram');
    expect(webhooks.map((route) => route.path).sort()).toEqual(['/telegram/client', '/telegram/staff']);
    let updateId = 7_000_000;
    const id = () => ++updateId;
    const stranger: FakeUser = { id: 990_000_001, first_name: 'Незнакомец' };
    // At Telegram's own limits: 64 characters of a name (emoji: 128 UTF-16 units), a 32-character username.
    const oddName: FakeUser = {
      id: 990_000_002,
      first_name: '🍬'.repeat(64),
      last_name: '\u202e\u0000<b>',
      username: 'u'.repeat(32),
      language_code: 'zh-hans-cn',
    };

    for (const route of webhooks) {
      const bot = route.path.endsWith('/client') ? 'client' : 'staff';
      const token = bot === 'client' ? t.config.clientBotToken : t.config.staffBotToken;
      const through = async (result: DeliveryResult, what: string) => {
        if (result.route !== 'webhook') return;
        const problem = record(route, result.status ?? 0, result.body);
        if (problem) problems.push(`${route.path} ${short(what, 200)}: ${problem}`);
      };

      // Well-formed updates from people typing and pressing things nobody offered them.
      const people = [stranger, oddName, { id: walker.telegramId, first_name: 'Walker' }];
      if (bot === 'staff') people.push({ id: fixture.cashierTelegramId, first_name: 'Кассир' });
      for (const person of people) {
        for (const data of BUTTON_DATA[bot]) {
          const update = {
            update_id: id(),
            callback_query: {
              id: String(id()),
              from: { ...person, is_bot: false },
              chat_instance: '1',
              data,
              message: emulator.lastMessageTo(person.id, token) ?? {
                message_id: 1,
                date: 0,
                chat: { id: person.id, type: 'private' },
                text: 'x',
              },
            },
          } as unknown as Update;
          await through(await emulator.deliverUpdate(token, update), `${person.id} presses ${data}`);
        }
        for (const text of BOT_TEXTS[bot])
          await through(await emulator.sendText(token, person, text), `${person.id} says ${text}`);
      }

      // Bodies that are no update at all, or updates of a shape Telegram never sends (in the chat of someone
      // the bot knows, so a handler that gets that far can answer).
      for (const raw of RAW_BODIES) {
        const problem = await probe(route, route.path, raw);
        if (problem) problems.push(problem);
      }
      for (const update of garbageUpdates(id, stranger.id)) {
        const problem = await probe(route, route.path, JSON.stringify(update));
        if (problem) problems.push(problem);
      }
      const big = await probe(route, route.path, JSON.stringify({ update_id: id(), big: MEGABYTE }));
      if (big) problems.push(big);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('walked every registered route, and the app logged no error on the way', () => {
    const seen = [...walk.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    const seconds = ((Date.now() - walk.started) / 1000).toFixed(1);
    console.log(
      `Hostile walk: ${walk.routes.size} of ${routes.length} routes walked, ${walk.sent} requests in ${seconds} s; statuses ${seen}`,
    );
    expect(routes.filter((route) => !walk.routes.has(route.name)).map((route) => route.name)).toEqual([]);
    expect(loggedErrors).toEqual([]);
  });
});

function queryString(entries: [string, string | string[]][]): string {
  const parts = entries.flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${name}=${encodeURIComponent(v)}`),
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

/** How a query parameter reads its value: a number, a boolean, a date (by format or by name) or text. */
function queryKind(name: string, schema: Schema | undefined): string {
  if (schema?.format === 'date-time' || /^(from|to)$|From$|To$|Before$|After$/.test(name)) return 'date';
  return schema?.type ?? 'string';
}
