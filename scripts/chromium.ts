/**
 * Launches the system Chromium through playwright-core (Playwright's own browser download cannot
 * work offline). Set CHROMIUM_PATH to choose the binary; otherwise the usual places are tried, the
 * headless shell first.
 *
 * Why the headless shell (Debian's chromium-headless-shell, the binary Playwright itself runs for
 * headless tests): the full browser in its headless mode still runs its own interface. Traces of
 * our pages' first second there show its omnibox and search-box pages (about a hundred chrome://
 * files) loading during some loads, on the same two cores as the page under test. Same build, same
 * hour: the bare MapLibre page's first frame came at 661 ms in the shell against 1,077 ms in the full
 * browser, and the browser tests took 655 s against 763 s (docs/performance.md, "Which Chromium").
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/** Where Debian, Ubuntu and Google's packages put the binaries, in the order they are tried. */
export const CANDIDATES = [
  '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`No Chromium found (looked in ${CANDIDATES.join(', ')}). Install one (Debian: apt-get install chromium-headless-shell) or set CHROMIUM_PATH to its binary.`);
  }
  return found;
}

/** Whether a binary is a headless shell (always headless: it takes no `--headless=new`). */
export function isHeadlessShell(path: string): boolean {
  return /headless[-_]shell/.test(basename(path));
}

/** Flags that work as root with no network (TECH_NOTES.md); WebGL runs on SwiftShader. */
export function chromiumArgs(path: string): string[] {
  return [
    ...(isHeadlessShell(path) ? [] : ['--headless=new']),
    '--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  ];
}

export function launchChromium(): Promise<Browser> {
  const path = chromiumPath();
  return chromium.launch({ executablePath: path, args: chromiumArgs(path) });
}

/** One Chromium that several processes connect to (the browser tests share it: tests/browser/global-setup.ts). */
export function launchChromiumServer(): Promise<BrowserServer> {
  const path = chromiumPath();
  return chromium.launchServer({ executablePath: path, args: chromiumArgs(path) });
}
