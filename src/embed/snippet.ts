/** Builds the embed URL and the HTML snippet an editor pastes into an article. Pure. */
import type { Control, Theme } from './flags.ts';

export interface EmbedChoice {
  dateIso: string;
  lang: 'en' | 'nl';
  controls: readonly Control[];
  theme: Theme;
  isStatic: boolean;
  title: string;
  source: string;
  view: { center: [number, number]; zoom: number } | null;
  placeId: string | null;
  /** Distinguishes several maps on one page in the size messages. */
  id: string;
  /** The host page's origin: the embed then obeys and reports only to it (docs/embed.md); null: any. */
  origin?: string | null;
}

/** `base` is the URL of the site's folder (ending in /). */
export function embedUrl(base: string, c: EmbedChoice): string {
  const u = new URL('embed.html', base);
  const p = u.searchParams;
  p.set('date', c.dateIso);
  p.set('lang', c.lang);
  p.set('controls', c.controls.length ? c.controls.join(',') : 'none');
  if (c.theme !== 'light') p.set('theme', c.theme);
  if (c.isStatic) p.set('static', '1');
  if (c.title.trim()) p.set('title', c.title.trim());
  if (c.source.trim()) p.set('source', c.source.trim());
  if (c.view) p.set('view', `${round(c.view.zoom, 2)}/${round(c.view.center[1], 4)}/${round(c.view.center[0], 4)}`);
  if (c.placeId) p.set('place', c.placeId);
  p.set('id', c.id);
  if (c.origin) p.set('origin', c.origin);
  return u.href;
}

const round = (x: number, d: number) => String(Math.round(x * 10 ** d) / 10 ** d);

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A still picture of the map (fallback/ of the site, made by npm run render:fallbacks) and its alternative text. */
export interface SnippetPicture { file: string; width: number; height: number; alt: string }

/**
 * The iframe (with a starting height until the loader takes over), the optional loader tag, and
 * optionally a <noscript> with a still picture linking to the explorer, for pages and readers
 * that run no scripts.
 */
export function embedSnippet(base: string, c: EmbedChoice, frameTitle: string, withLoader: boolean, picture: SnippetPicture | null = null): string {
  const src = embedUrl(base, c);
  const parts = [`<iframe src="${escapeAttr(src)}" title="${escapeAttr(c.title.trim() || frameTitle)}" data-frontlines style="width:100%;height:560px;border:0" loading="lazy" referrerpolicy="no-referrer"></iframe>`];
  if (withLoader) parts.push(`<script src="${escapeAttr(new URL('embed-loader.js', base).href)}" async></script>`);
  if (picture) {
    const explorer = new URL(`./?${new URLSearchParams({ date: c.dateIso, lang: c.lang })}`, base).href;
    const img = `<img src="${escapeAttr(new URL(`fallback/${picture.file}`, base).href)}" width="${picture.width}" height="${picture.height}" alt="${escapeAttr(picture.alt)}" style="width:100%;height:auto;border:0">`;
    parts.push(`<noscript><a href="${escapeAttr(explorer)}">${img}</a></noscript>`);
  }
  return parts.join('\n');
}
