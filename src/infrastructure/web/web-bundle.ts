/**
 * A browser bundle the `api` role serves: a Vite build in `<webRoot>/<folder>/dist`, mounted at `mountPath`.
 * The admin panel and the Telegram Mini Apps are served by the same code; what differs between them is here.
 */
export interface WebBundle {
  /** Shown in logs and in the «not built» 404: «admin panel». */
  readonly title: string;
  /** URL prefix, no trailing slash: `/admin`. Must equal Vite's `base` without its trailing slash. */
  readonly mountPath: string;
  /** The workspace folder under web/: `admin`. Its build is `<webRoot>/<folder>/dist`. */
  readonly folder: string;
  /** The page the mount path itself answers (`/admin/` → `index.html`). Its presence means «built». */
  readonly defaultPage: string;
  /**
   * What a GET of a path that is no file of the build gets: the default page (a single-page app's deep link
   * survives a reload) or a 404 (a bundle of a few fixed pages).
   */
  readonly unknownPaths: 'default-page' | 'not-found';
  /**
   * Paths under the mount that belong to the app's API (`/v1` for `/webapp/v1/...`): the bundle never serves
   * nor answers them, they go on to the app's routes, built or not.
   */
  readonly apiPaths: readonly string[];
  /** Script origins beyond the app itself (CSP script-src): Telegram's script for the Mini Apps. */
  readonly scriptSources: readonly string[];
  /**
   * Whether style-src carries the per-page nonce (MUI's emotion writes <style> elements at run time; the
   * page's `__CSP_NONCE__` placeholders get the nonce). Without it only the app's own style files apply.
   */
  readonly styleNonce: boolean;
  /** Image sources beyond the app itself (CSP img-src): `data:` QR codes, `blob:` previews, `https:` media. */
  readonly imageSources: readonly string[];
  /**
   * What the policy does not name: `self` lets it come from the app (default-src 'self', fonts from the app
   * and data:, <base> and form targets on the app); `none` refuses it (default-src, base-uri and form-action
   * 'none').
   */
  readonly unnamedSources: 'self' | 'none';
  /** Who may frame the pages (CSP frame-ancestors): none for the panel; Telegram's clients for a Mini App. */
  readonly frameAncestors: readonly string[];
}

export const WEB_BUNDLES: readonly WebBundle[] = [
  {
    title: 'admin panel',
    mountPath: '/admin',
    folder: 'admin',
    defaultPage: 'index.html',
    unknownPaths: 'default-page',
    apiPaths: [],
    scriptSources: [],
    styleNonce: true,
    imageSources: ['data:', 'blob:', 'https:'],
    unnamedSources: 'self',
    frameAncestors: [],
  },
  {
    // card.html (the client's card) and scanner.html (the cashier's scanner); their data is /webapp/v1.
    title: 'Mini Apps bundle',
    mountPath: '/webapp',
    folder: 'miniapp',
    defaultPage: 'card.html',
    unknownPaths: 'not-found',
    apiPaths: ['/v1'],
    // Telegram requires its script from exactly this origin (https://telegram.org/js/telegram-web-app.js).
    scriptSources: ['https://telegram.org'],
    styleNonce: false,
    imageSources: ['data:'],
    unnamedSources: 'none',
    frameAncestors: ["'self'", 'https://web.telegram.org', 'https://*.telegram.org'],
  },
];

/** The placeholder in a bundle's pages replaced per request by the CSP nonce (see security-headers). */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/** Whether a request path (relative to the mount) belongs to the app's API rather than to the bundle. */
export function isApiPath(bundle: WebBundle, path: string): boolean {
  return bundle.apiPaths.some((api) => path === api || path.startsWith(`${api}/`));
}
