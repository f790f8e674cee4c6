/**
 * A browser bundle the `api` role serves: a Vite build in `<webRoot>/<folder>/dist`, mounted at `mountPath`.
 * The admin panel is the first; a Mini App adds one line to WEB_BUNDLES (with Telegram as a frame parent).
 */
export interface WebBundle {
  /** Shown in logs: «admin panel». */
  readonly title: string;
  /** URL prefix, no trailing slash: `/admin`. Must equal Vite's `base` without its trailing slash. */
  readonly mountPath: string;
  /** The workspace folder under web/: `admin`. Its build is `<webRoot>/<folder>/dist`. */
  readonly folder: string;
  /** Who may frame the pages (CSP frame-ancestors): none for the panel; Telegram's clients for a Mini App. */
  readonly frameAncestors: readonly string[];
  /** Extra image sources beyond the app itself (e.g. media URLs a preview shows). */
  readonly imageSources: readonly string[];
}

export const WEB_BUNDLES: readonly WebBundle[] = [
  {
    title: 'admin panel',
    mountPath: '/admin',
    folder: 'admin',
    frameAncestors: [],
    imageSources: ['https:'],
  },
];

/** The placeholder in a bundle's index.html replaced per request by the CSP nonce (see security-headers). */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';
