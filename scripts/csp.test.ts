import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspContent, cspString, EMBED_HEADER_POLICY } from './csp.ts';

describe('the Content-Security-Policy', () => {
  it('is strict in a build: own origin only, no inline scripts or styles, no eval', () => {
    for (const page of ['explorer', 'embed'] as const) {
      const csp = cspContent(page, 'build');
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toMatch(/unsafe|https?:|ws:/);
    }
    expect(cspContent('embed', 'build')).toContain("worker-src 'self' blob: data:");
  });

  it('lets the dev server\'s styles and socket through in dev only', () => {
    expect(cspContent('explorer', 'dev')).toContain("style-src 'self' 'unsafe-inline'");
    expect(cspContent('explorer', 'dev')).toContain("connect-src 'self' ws: wss:");
  });

  it('is the one docs/embed.md gives hosts', () => {
    expect(readFileSync('docs/embed.md', 'utf8')).toContain(`\n${cspString(EMBED_HEADER_POLICY)}\n`);
  });
});
