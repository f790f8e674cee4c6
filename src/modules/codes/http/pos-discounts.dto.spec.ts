import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../../common/errors/domain-error';
import { createValidationPipe } from '../../../common/http/validation';
import { PosRedeemBody, PosValidateBody } from './pos-discounts.dto';

type Body = typeof PosRedeemBody | typeof PosValidateBody;

/** What class-validator alone says of `value` (the rules the plain check must never loosen). */
async function rulesAccept(type: Body, value: unknown): Promise<boolean> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const errors = await validate(plainToInstance(type, value) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return errors.length === 0;
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  'K7M2QX9A',
  'k7m2 qx9a',
  'x'.repeat(64),
  'x'.repeat(65),
  'till-1',
  'a b',
  '😀',
  'é',
  '\uFE0F',
  'key.1:2_3-4',
  'key/1',
  'x'.repeat(128),
  'x'.repeat(129),
  'Привет',
];
const NUMBERS = [0, 1, -1, 1.5, 250000, 1_000_000_000, 1_000_000_001, -0, 2 ** 53];
const OTHERS = [null, true, false, [], {}, ['K7M2QX9A'], { nested: 1 }];

function anyValue(next: () => number): unknown {
  const pool = [...STRINGS, ...NUMBERS, ...OTHERS];
  return pool[Math.floor(next() * pool.length)];
}

function aBody(next: () => number): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const keys = ['code', 'purchaseAmount', 'terminalId', 'idempotencyKey', 'clientUserId', 'extra'];
  const valid: Record<string, () => unknown> = {
    code: () => 'K7M2QX9A',
    purchaseAmount: () => 250000,
    terminalId: () => 'till-1',
    idempotencyKey: () => '7f1c2e9a-5b41-4c1e',
    clientUserId: () => 42,
    extra: () => 1,
  };
  for (const key of keys) {
    const roll = next();
    if (key === 'extra' ? roll < 0.9 : roll < 0.15) continue; // absent
    body[key] = roll < 0.6 && key !== 'extra' ? valid[key]() : anyValue(next);
  }
  return body;
}

describe('POS bodies: the plain checks and class-validator', () => {
  it.each([
    ['PosRedeemBody', PosRedeemBody],
    ['PosValidateBody', PosValidateBody],
  ])(
    '%s: the plain check never accepts what the rules refuse (3 000 generated bodies)',
    async (_name, type) => {
      const next = random(18);
      let accepted = 0;
      for (let i = 0; i < 3000; i++) {
        const body = aBody(next);
        if (!type.accepts(body)) continue;
        accepted++;
        if (!(await rulesAccept(type, body)))
          throw new Error(`accepted, yet refused by the rules: ${JSON.stringify(body)}`);
      }
      expect(accepted).toBeGreaterThan(50);
    },
  );

  it('accepts an ordinary till request, and refuses non-objects and unknown fields', () => {
    const ok = { code: 'k7m2 qx9a', purchaseAmount: 250000, terminalId: 'till-1', idempotencyKey: 'k-1' };
    expect(PosRedeemBody.accepts(ok)).toBe(true);
    expect(PosRedeemBody.accepts({ ...ok, clientUserId: null })).toBe(true);
    expect(PosValidateBody.accepts({ code: 'K7M2QX9A' })).toBe(true);
    expect(PosRedeemBody.accepts({ ...ok, extra: 1 })).toBe(false);
    expect(PosRedeemBody.accepts([ok])).toBe(false);
    expect(PosRedeemBody.accepts(null)).toBe(false);
    expect(PosRedeemBody.accepts({ ...ok, code: 'x'.repeat(65) })).toBe(false);
  });

  it('through the pipe: accepted input becomes an instance unchanged, refused input gets the full error', async () => {
    const pipe = createValidationPipe();
    const meta = { type: 'body' as const, metatype: PosRedeemBody, data: '' };
    const ok = { code: 'K7M2QX9A', terminalId: 'till-1', idempotencyKey: 'k-1' };
    const body = await pipe.transform({ ...ok }, meta);
    expect(body).toBeInstanceOf(PosRedeemBody);
    expect(body).toEqual(ok);
    const refusal = await pipe
      .transform({ ...ok, purchaseAmount: -1, extra: 1 }, meta)
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).details).toEqual({
      fields: [
        { field: 'extra', errors: ['property extra should not exist'] },
        { field: 'purchaseAmount', errors: ['purchaseAmount must not be less than 0'] },
      ],
    });
  });
});
