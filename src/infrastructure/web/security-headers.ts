import { randomBytes } from 'node:crypto';
import type { WebBundle } from './web-bundle';

/** A fresh CSP nonce for one page load (128 bits, base64). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The Content-Security-Policy of a bundle's pages. Scripts come only from the app itself (no inline script,
 * no eval). Styles: MUI's CSS-in-JS (emotion) writes <style> elements at run time, so style-src allows the
 * per-page nonce, which the page hands to emotion (web/admin/src/csp-nonce.ts); inline styles without the
 * nonce stay refused, so 'unsafe-inline' is not needed. Element style properties set from script (CSSOM) are
 * not governed by CSP.
 */
export function contentSecurityPolicy(bundle: WebBundle, nonce: string): string {
  const frameAncestors = bundle.frameAncestors.length ? bundle.frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    ['img-src', "'self'", 'data:', 'blob:', ...bundle.imageSources].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The usual security headers of a bundle's pages and files (besides the CSP of its pages). */
export function securityHeaders(bundle: WebBundle): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    // Older browsers that know only X-Frame-Options: a bundle that may be framed says nothing here.
    ...(bundle.frameAncestors.length === 0 ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}

/** Hashed build files never change under their name: a year, immutable. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files, so it must never be kept. */
export const PAGE_CACHE = 'no-store';
/** Unhashed files at the bundle's root (favicon): revalidate each time. */
export const FILE_CACHE = 'no-cache';
