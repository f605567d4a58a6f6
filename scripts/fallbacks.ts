/**
 * `npm run render:fallbacks [-- --dist dist]`, run by `npm run build` after Vite: still pictures of
 * the story's opening view for whoever runs no scripts, made from the built site with headless
 * Chromium (render-page.ts, so each is checked before it is kept):
 *
 * - `fallback/frontlines-en.png`, `-nl.png` (800 px wide): shown by the <noscript> of embed.html and
 *   index.html, with an alternative text made from the data (fallback-text.ts); the embed dialog
 *   puts the picture of the snippet's language into the snippet too;
 * - `fallback/social-card.png` (1200 × 630): the og:image and twitter:image of index.html, whose
 *   Open Graph and Twitter card tags come from story.json's title and subtitle;
 * - `fallback/fallback.json`: the list the embed dialog reads (src/data/fallback.ts);
 * - `fallback/map-LANG-WxH.webp`: the map alone, for the pages to show at once while the live map
 *   loads (stills.ts), listed in the pages' `<template id="map-stills">` with their first script.
 *
 * Needs a Chromium (README). `FRONTLINES_NO_RENDER=1` writes the tags and texts without pictures.
 * `FRONTLINES_SITE_URL=https://…/` makes the card's address absolute, as social sites require.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import type { Fallback, FallbackPicture } from '../src/data/fallback.ts';
import { LANGS } from '../src/i18n/lang.ts';
import { launchChromium } from './chromium.ts';
import { isMain } from './derived-file.ts';
import { fallbackText } from './fallback-text.ts';
import { withNoscriptPicture, withSocialCard, withStills, type Picture, type StillList } from './fallback-html.ts';
import { renderEmbed } from './render-page.ts';
import { serveStatic } from './static-server.ts';
import { renderStills } from './stills.ts';

export const FALLBACK_DIR = 'fallback';
const PICTURE_WIDTH = 800;
const CARD = { width: 1200, height: 630 };

export interface PublishOptions {
  /** False: tags and texts only, no pictures (and any old ones removed). */
  render: boolean;
  /** The site's public address, ending in / (FRONTLINES_SITE_URL), for absolute card URLs. */
  siteUrl?: string | null;
  log?: (line: string) => void;
}

/** Writes the pictures, fallback.json, and the tags and <noscript> of the built pages in `distDir`. */
export async function publishFallbacks(distDir: string, o: PublishOptions): Promise<Fallback> {
  const log = o.log ?? (() => {});
  const text = fallbackText(join(distDir, 'data'));
  const dir = join(distDir, FALLBACK_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fallback: Fallback = { dateIso: text.dateIso, pictures: {}, social: null };
  let stills: StillList | null = null;
  if (o.render) {
    const server = await serveStatic(distDir);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const shoot = async (file: string, params: Record<string, string>, size: { width: number; height?: number; fit?: boolean }, alt: string): Promise<FallbackPicture> => {
        const started = Date.now();
        const r = await renderEmbed(browser!, server.url, distDir, {
          params: new URLSearchParams({ date: text.dateIso, ...params }), ...size, scale: 1,
          onRetry: (why) => log(`${file}: ${why}; trying once more`),
        });
        writeFileSync(join(dir, file), r.png);
        const png = PNG.sync.read(r.png);
        log(`${FALLBACK_DIR}/${file}: ${png.width}×${png.height}, ${r.dateIso}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return { file, width: png.width, height: png.height, alt };
      };
      for (const lang of LANGS) fallback.pictures[lang] = await shoot(`frontlines-${lang}.png`, { lang, controls: 'legend' }, { width: PICTURE_WIDTH }, text.alt[lang]);
      fallback.social = await shoot('social-card.png', { lang: 'en', controls: 'none', title: text.title.en }, { ...CARD, fit: true }, text.alt.en);
      stills = await renderStills(browser, server.url, distDir, dir, text.dateIso, LANGS, log);
    } finally {
      await browser?.close();
      await server.close();
    }
  }
  writeFileSync(join(dir, 'fallback.json'), `${JSON.stringify({ date: fallback.dateIso, pictures: fallback.pictures, social: fallback.social }, null, 1)}\n`);

  // The pages are in English until their script runs: their <noscript> shows the English picture.
  const en = fallback.pictures.en;
  const noscript: Picture | null = en ? { src: `${FALLBACK_DIR}/${en.file}`, width: en.width, height: en.height, alt: en.alt } : null;
  const card = fallback.social;
  for (const page of ['embed.html', 'index.html']) {
    const path = join(distDir, page);
    let html = withStills(withNoscriptPicture(readFileSync(path, 'utf8'), noscript), stills);
    if (page === 'index.html') {
      html = withSocialCard(html, {
        title: text.title, subtitle: text.subtitle, pageUrl: o.siteUrl ?? null,
        image: card ? { src: `${o.siteUrl ?? ''}${FALLBACK_DIR}/${card.file}`, width: card.width, height: card.height, alt: card.alt } : null,
      });
    }
    writeFileSync(path, html);
  }
  return fallback;
}

/** FRONTLINES_SITE_URL as a folder URL ending in /, or null; a bad value throws, naming it. */
export function siteUrlFrom(value: string | undefined): string | null {
  if (!value) return null;
  let u: URL;
  try { u = new URL(value); } catch { throw new Error(`FRONTLINES_SITE_URL must be the site's address, e.g. https://maps.example/frontlines/, got "${value}"`); }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`FRONTLINES_SITE_URL must start with https:// or http://, got "${value}"`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
  const render = !['1', 'true', 'yes'].includes(process.env.FRONTLINES_NO_RENDER ?? '');
  const started = Date.now();
  try {
    const f = await publishFallbacks(resolve(values.dist!), { render, siteUrl: siteUrlFrom(process.env.FRONTLINES_SITE_URL), log: (l) => console.log(`render:fallbacks: ${l}`) });
    console.log(`render:fallbacks: the pages' <noscript> and card tags for ${f.dateIso}${render ? '' : ' without pictures (FRONTLINES_NO_RENDER)'}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    console.error(`render:fallbacks: ${why}`);
    if (/No Chromium|CHROMIUM_PATH/.test(why)) console.error('render:fallbacks: the build draws still pictures with Chromium. Install it, set CHROMIUM_PATH, or build without the pictures: FRONTLINES_NO_RENDER=1 npm run build');
    process.exitCode = 1;
  }
}
