/**
 * The Content-Security-Policy, in one place: the pages' meta tag (vite.config.ts writes it into
 * index.html and embed.html), the policy docs/embed.md recommends to a host that sends it as a
 * header (a test keeps the two in step), and the browser tests' strict server.
 */
type Policy = Record<string, string[]>;

/** What both pages need: their own origin only; images and workers also from data:/blob: (MapLibre). */
const BASE: Policy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
};

const PAGES: Record<'explorer' | 'embed', Policy> = {
  explorer: BASE,
  // In a sandboxed frame MapLibre starts its worker from a data: URL (a module worker cannot start
  // from a blob: URL on an opaque origin); an embed submits no forms.
  embed: { ...BASE, 'worker-src': ["'self'", 'blob:', 'data:'], 'form-action': ["'none'"] },
};

/** The policy a host serving embed.html may send as a header (docs/embed.md): nothing by default. */
export const EMBED_HEADER_POLICY: Policy = {
  ...PAGES.embed, 'default-src': ["'none'"], 'base-uri': ["'none'"], 'object-src': [],
};

/** The dev server's extra needs: Vite's injected <style> tags and its HMR WebSocket. */
const DEV: Policy = { 'style-src': ["'unsafe-inline'"], 'connect-src': ['ws:', 'wss:'] };

export function cspString(policy: Policy): string {
  return Object.entries(policy).filter(([, v]) => v.length).map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}

/** The meta tag's content for a page, strict in a build, with the dev server's additions in dev. */
export function cspContent(page: 'explorer' | 'embed', mode: 'build' | 'dev'): string {
  const p = PAGES[page];
  if (mode === 'build') return cspString(p);
  return cspString(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [...v, ...(DEV[k] ?? [])]])));
}
