import { Body, Controller, Get, Post } from '@nestjs/common';
import { IsEmail, IsInt, Max, Min } from 'class-validator';
import request from 'supertest';
import { Public } from '../../src/common/auth/access.decorators';
import { DomainError } from '../../src/common/errors/domain-error';
import { ErrorCode } from '../../src/common/errors/error-code';
import { createTestApp, TestApp } from '../support/test-app';

class ProbeBody {
  @IsEmail()
  email: string;

  @IsInt()
  @Min(1)
  @Max(10)
  count: number;
}

/** A controller that exists only in this test, to reach the error paths a real route would take. */
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  accept(@Body() body: ProbeBody) {
    return body;
  }

  @Get('domain')
  domain(): never {
    throw new DomainError(ErrorCode.CODE_ALREADY_USED, 'Code AB2C3D4E was redeemed at 10:00', {
      usedAt: '10:00',
    });
  }

  @Get('crash')
  crash(): never {
    throw new Error("ER_PARSE_ERROR: You have an error in your SQL syntax near 'SELECT * FROM admins'");
  }
}

describe('error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ extra: { controllers: [ProbeController] } });
  });
  afterAll(() => t.close());

  it('answers a malformed JSON body with VALIDATION_FAILED', async () => {
    const response = await request(t.url)
      .post('/probe')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c",');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details).toBeNull();
  });

  it('answers a body over the size limit with VALIDATION_FAILED, not INTERNAL_ERROR', async () => {
    const response = await request(t.url)
      .post('/probe')
      .send({ email: 'anna@example.com', count: 3, padding: 'x'.repeat(1024 * 1024) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'request entity too large', details: null },
    });
  });

  it('answers a body the parser cannot read (not in its Content-Encoding) with VALIDATION_FAILED', async () => {
    const response = await request(t.url)
      .post('/probe')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .send('{"email":"anna@example.com","count":3}');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'The request body could not be read', details: null },
    });
  });

  it('refuses a body nested too deep before validating it, naming the field', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const response = await request(t.url)
      .post('/probe')
      .set('Content-Type', 'application/json')
      .send(`{"email":"anna@example.com","count":3,"nested":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.fields).toEqual([
      { field: 'nested', errors: ['must not nest more than 32 levels deep'] },
    ]);
  });

  it('lists the failing fields, and refuses unknown ones', async () => {
    const response = await request(t.url).post('/probe').send({ email: 'nope', count: 99, admin: true });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const fields = response.body.error.details.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['admin', 'count', 'email']);
  });

  it('passes a valid body through', async () => {
    const response = await request(t.url).post('/probe').send({ email: 'anna@example.com', count: 3 });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ email: 'anna@example.com', count: 3 });
  });

  it('answers an unknown route with NOT_FOUND', async () => {
    const response = await request(t.url).get('/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route GET /api/v1/no-such-thing', details: null },
    });
  });

  it('maps a DomainError to its status with code, message and details', async () => {
    const response = await request(t.url).get('/probe/domain');
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({
      code: 'CODE_ALREADY_USED',
      message: 'Code AB2C3D4E was redeemed at 10:00',
      details: { usedAt: '10:00' },
    });
  });

  it('hides anything unexpected behind INTERNAL_ERROR with no SQL or stack, and gives a request id', async () => {
    const response = await request(t.url).get('/probe/crash').set('X-Request-Id', 'req-12345678');
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(response.body)).not.toMatch(/SQL|SELECT|admins|at .*\.ts/);
    expect(response.headers['x-request-id']).toBe('req-12345678');
  });
});
