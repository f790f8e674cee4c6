/**
 * Installed before every e2e test file (jest `setupFilesAfterEnv`): every answer the file receives over
 * HTTP, through supertest or fetch, is checked against the OpenAPI document (openapi-contract.ts). A
 * mismatch or an undocumented status fails the request, so the test that made it fails, naming the
 * route, the status and the failing path. The file's tally goes to CONTRACT_REPORT for the run's summary.
 */
import { appendFileSync } from 'node:fs';
import { Test } from 'supertest';
import { Answer, OpenApiContract } from './openapi-contract';
import { ContractTally } from './contract-tally';
import { servedWithoutApi } from './served-apps';

const contract = new OpenApiContract();
const tally = new ContractTally();

/** Turns a failed verdict into the error the test sees; records every verdict. */
function judge(answer: Answer): Error | null {
  const verdict = servedWithoutApi(answer.url) ? null : contract.check(answer);
  tally.record(verdict);
  if (!verdict?.problem) return null;
  return new Error(
    `OpenAPI contract: ${verdict.route} answered ${verdict.status}: ${verdict.problem}\n` +
      `  (request ${answer.method.toUpperCase()} ${answer.url}; the document is web/api/openapi.json, ` +
      'written by npm run api:generate)',
  );
}

type SupertestResponse = { status: number; headers: Record<string, string>; body: unknown; text?: string };
type Assert = (this: Test, error: Error | null, res: SupertestResponse | undefined, fn?: unknown) => void;
const prototype = Test.prototype as unknown as { assert: Assert; method: string; url: string };
const assertAnswer = prototype.assert;
prototype.assert = function (this: Test & { method: string; url: string }, error, res, fn) {
  const problem =
    res &&
    judge({
      method: this.method,
      url: this.url,
      status: res.status,
      contentType: res.headers['content-type'],
      body: res.body,
      hasBody: Boolean(res.text) || (res.body !== undefined && Object.keys(res.body ?? {}).length > 0),
    });
  if (problem && typeof fn === 'function')
    return (fn as (e: Error, r: unknown) => void).call(this, problem, res);
  return assertAnswer.call(this, error, res, fn);
};

const fetchAnswer = globalThis.fetch;
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const response = await fetchAnswer(input, init);
  const request = input instanceof Request ? input : null;
  const url = request ? request.url : String(input);
  const method = init?.method ?? request?.method ?? 'GET';
  const text = await response.clone().text();
  const contentType = response.headers.get('content-type') ?? undefined;
  const problem = judge({
    method,
    url,
    status: response.status,
    contentType,
    body: contentType?.includes('json') && text ? parseJson(text) : undefined,
    hasBody: text.length > 0,
  });
  if (problem) throw problem;
  return response;
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

afterAll(() => {
  const report = process.env.CONTRACT_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify(tally.toJSON())}\n`);
});
