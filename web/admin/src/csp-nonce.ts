import createCache, { type EmotionCache } from '@emotion/cache';

/**
 * The page's CSP nonce, written by the server into `<meta name="csp-nonce">` (src/infrastructure/web). MUI's
 * emotion puts it on the <style> elements it creates, so the policy needs no 'unsafe-inline' for styles.
 * Under Vite's dev server the placeholder stays and no nonce is used (no CSP there).
 */
export function cspNonce(): string | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return content && !content.startsWith('__') ? content : undefined;
}

/** emotion's style cache carrying the nonce. */
export function styleCache(): EmotionCache {
  return createCache({ key: 'css', nonce: cspNonce(), prepend: true });
}
