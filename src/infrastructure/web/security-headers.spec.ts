import { contentSecurityPolicy, securityHeaders } from './security-headers';
import { WEB_BUNDLES, WebBundle } from './web-bundle';

function bundle(mountPath: string): WebBundle {
  const found = WEB_BUNDLES.find((b) => b.mountPath === mountPath);
  if (!found) throw new Error(`no bundle at ${mountPath}`);
  return found;
}

describe('The web bundles’ Content-Security-Policy', () => {
  it('keeps the admin panel’s policy: the nonce for MUI’s styles, never framed', () => {
    expect(contentSecurityPolicy(bundle('/admin'), 'N0nce')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-N0nce'; " +
        "img-src 'self' data: blob: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(securityHeaders(bundle('/admin'))['X-Frame-Options']).toBe('DENY');
  });

  it('keeps the Mini Apps’ policy exactly as strict as before: Telegram’s script only, framed only by Telegram', () => {
    expect(contentSecurityPolicy(bundle('/webapp'), null)).toBe(
      "default-src 'none'; script-src 'self' https://telegram.org; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
    );
    // A nonce is never added to a bundle whose styles need none.
    expect(contentSecurityPolicy(bundle('/webapp'), 'N0nce')).not.toContain('nonce');
    expect(securityHeaders(bundle('/webapp'))['X-Frame-Options']).toBeUndefined();
  });
});
