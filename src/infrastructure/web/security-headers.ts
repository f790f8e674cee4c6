import { randomBytes } from 'node:crypto';
import type { WebBundle } from './web-bundle';

/** A fresh CSP nonce for one page load (128 bits, base64). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of a bundle's pages. Scripts come only from the app itself and the bundle's
 * named origins (no inline script, no eval). Styles: with `styleNonce` (the panel: MUI's CSS-in-JS writes
 * <style> elements at run time) style-src allows the per-page nonce, which the page hands to emotion
 * (web/admin/src/csp-nonce.ts); inline styles without the nonce stay refused, so 'unsafe-inline' is never
 * needed. Element style properties set from script (CSSOM) are not governed by CSP.
 */
export function contentSecurityPolicy(bundle: WebBundle, nonce: string | null): string {
  const self = bundle.unnamedSources === 'self';
  const frameAncestors = bundle.frameAncestors.length ? bundle.frameAncestors.join(' ') : "'none'";
  return [
    `default-src '${bundle.unnamedSources}'`,
    ['script-src', "'self'", ...bundle.scriptSources].join(' '),
    ['style-src', "'self'", ...(bundle.styleNonce && nonce ? [`'nonce-${nonce}'`] : [])].join(' '),
    ['img-src', "'self'", ...bundle.imageSources].join(' '),
    ...(self ? ["font-src 'self' data:"] : []),
    "connect-src 'self'",
    ...(self ? ["object-src 'none'"] : []),
    `base-uri '${bundle.unnamedSources}'`,
    `form-action '${bundle.unnamedSources}'`,
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The usual security headers of a bundle's pages and files (besides the CSP of its pages). */
export function securityHeaders(bundle: WebBundle): Record<string, string> {
  const framed = bundle.frameAncestors.length > 0;
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // A bundle that may be framed (a Mini App inside Telegram's web client) is left to frame-ancestors: no
    // X-Frame-Options (older browsers would refuse every frame), and no cross-origin isolation headers that
    // could keep the parent from loading it.
    ...(framed
      ? {}
      : {
          'X-Frame-Options': 'DENY',
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Resource-Policy': 'same-origin',
        }),
  };
}

/** Hashed build files never change under their name: a year, immutable. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** A page names the current hashed files, so it must never be kept. */
export const PAGE_CACHE = 'no-store';
/** Unhashed files at the bundle's root (favicon): revalidate each time. */
export const FILE_CACHE = 'no-cache';
