import { afterEach, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath, isHeadlessShell } from './chromium.ts';

describe('the Chromium the tests, the bench and the build use', () => {
  const before = process.env.CHROMIUM_PATH;
  afterEach(() => { if (before === undefined) delete process.env.CHROMIUM_PATH; else process.env.CHROMIUM_PATH = before; });

  it('asks the full browser for its new headless mode, and not the headless shell, which is headless already', () => {
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/opt/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(chromiumArgs('/usr/bin/chromium')).toContain('--headless=new');
    expect(chromiumArgs('/usr/bin/chromium-headless-shell')).not.toContain('--headless=new');
    // WebGL on SwiftShader either way (TECH_NOTES.md).
    for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-headless-shell']) expect(chromiumArgs(p)).toContain('--use-angle=swiftshader');
  });

  it('takes CHROMIUM_PATH when set, and names it when there is no file there', () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(chromiumPath()).toBe(process.execPath);
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    expect(() => chromiumPath()).toThrow('CHROMIUM_PATH is set to /nowhere/chromium, but there is no file there.');
  });
});
