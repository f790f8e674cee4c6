import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Verdict } from './openapi-contract';

export interface TallyData {
  /** `GET /api/v1/users/{id} 200` → answers validated. */
  answers: Record<string, number>;
  /** Answers of routes the document does not have (probe controllers, unknown paths, /docs-json). */
  outside: number;
  mismatches: number;
}

/** Counts what the contract check saw, per test file; summarise() adds the files up at the run's end. */
export class ContractTally {
  private readonly data: TallyData = { answers: {}, outside: 0, mismatches: 0 };

  record(verdict: Verdict | null): void {
    if (!verdict) {
      this.data.outside += 1;
      return;
    }
    const key = `${verdict.route} ${verdict.status}`;
    this.data.answers[key] = (this.data.answers[key] ?? 0) + 1;
    if (verdict.problem) this.data.mismatches += 1;
  }

  toJSON(): TallyData {
    return this.data;
  }
}

/** The run's summary from the report file (one JSON line per test file), which it then deletes. */
export function summarise(reportPath: string, documentedRoutes: string[]): string | null {
  if (!existsSync(reportPath)) return null;
  const total: TallyData = { answers: {}, outside: 0, mismatches: 0 };
  for (const line of readFileSync(reportPath, 'utf8').split('\n').filter(Boolean)) {
    const part = JSON.parse(line) as TallyData;
    total.outside += part.outside;
    total.mismatches += part.mismatches;
    for (const [key, count] of Object.entries(part.answers))
      total.answers[key] = (total.answers[key] ?? 0) + count;
  }
  rmSync(reportPath, { force: true });
  const pairs = Object.keys(total.answers);
  const answers = Object.values(total.answers).reduce((sum, count) => sum + count, 0);
  const routes = new Set(pairs.map((pair) => pair.replace(/ \d+$/, '')));
  const unexercised = documentedRoutes.filter((route) => !routes.has(route));
  return [
    `OpenAPI contract check: ${answers} answers validated, on ${routes.size} of ${documentedRoutes.length} ` +
      `documented routes (${pairs.length} route+status pairs); ${total.mismatches} mismatches; ` +
      `${total.outside} answers of routes outside the document (probes, unknown paths) not checked.`,
    unexercised.length > 0
      ? `  Routes no e2e test called: ${unexercised.join(', ')}`
      : '  Every documented route was called.',
  ].join('\n');
}
