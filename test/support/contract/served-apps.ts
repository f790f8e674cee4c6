/**
 * The test apps of this test file that do not serve the `api` role (APP_ROLES): they answer the admin and
 * POS routes 404 by design, so the contract check, which describes a process serving the API, skips them.
 */
const withoutApi = new Set<string>();

/** Called by createTestApp once the app listens. */
export function registerTestApp(url: string, servesApi: boolean): void {
  if (servesApi) withoutApi.delete(url);
  else withoutApi.add(url);
}

/** Whether `url` belongs to a test app that does not serve the API. */
export function servedWithoutApi(url: string): boolean {
  const origin = new URL(url, 'http://127.0.0.1').origin;
  return withoutApi.has(origin);
}
