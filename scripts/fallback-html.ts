/**
 * What the build writes into the built pages for readers and sites that run no scripts: the still
 * picture (with its alternative text) in the <noscript> of embed.html and index.html, and the
 * Open Graph and Twitter card tags in index.html's <head>. Pure: HTML text in, HTML text out;
 * running it twice gives the same page. Every value is escaped; nothing from the data is parsed as HTML.
 */
import type { Text } from '../src/data/contract.ts';
import { escapeAttr } from '../src/embed/snippet.ts';

export interface Picture { src: string; width: number; height: number; alt: string }

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PICTURE = /<img class="noscript-map"[^>]*>/g;

/** The page with `picture` (or none) shown before the words in its one <noscript>. */
export function withNoscriptPicture(html: string, picture: Picture | null): string {
  const m = /<noscript>([\s\S]*?)<\/noscript>/.exec(html);
  if (!m) throw new Error('the page has no <noscript> element to put the still picture in');
  const words = m[1]!.replace(PICTURE, '');
  const img = picture ? `<img class="noscript-map" src="${escapeAttr(picture.src)}" width="${picture.width}" height="${picture.height}" alt="${escapeAttr(picture.alt)}">` : '';
  return html.slice(0, m.index) + `<noscript>${img}${words}</noscript>` + html.slice(m.index + m[0].length);
}

export interface SocialCard {
  title: Text;
  subtitle: Text | null;
  /** The card's URL, absolute when the site's address is known (social sites need that), and its alternative text. */
  image: Picture | null;
  /** The explorer's own address, when known. */
  pageUrl: string | null;
}

const START = '<!-- frontlines:social -->', END = '<!-- /frontlines:social -->';

/** index.html with the story's title and description, and the card tags, in English (the page's language). */
export function withSocialCard(html: string, card: SocialCard): string {
  const title = card.title.en, description = card.subtitle?.en ?? card.title.en;
  const meta = (attr: 'property' | 'name', key: string, value: string) => `<meta ${attr}="${key}" content="${escapeAttr(value)}" />`;
  const tags = [
    meta('property', 'og:type', 'website'),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:locale', 'en_GB'),
    meta('property', 'og:locale:alternate', 'nl_NL'),
    ...(card.pageUrl ? [meta('property', 'og:url', card.pageUrl)] : []),
    ...(card.image ? [
      meta('property', 'og:image', card.image.src),
      meta('property', 'og:image:type', 'image/png'),
      meta('property', 'og:image:width', String(card.image.width)),
      meta('property', 'og:image:height', String(card.image.height)),
      meta('property', 'og:image:alt', card.image.alt),
    ] : []),
    meta('name', 'twitter:card', card.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', title),
    meta('name', 'twitter:description', description),
    ...(card.image ? [meta('name', 'twitter:image', card.image.src), meta('name', 'twitter:image:alt', card.image.alt)] : []),
  ];
  const block = `${START}\n    ${tags.join('\n    ')}\n    ${END}\n  `;
  let out = html.replace(new RegExp(`${START}[\\s\\S]*?${END}\\s*`), '');
  const head = out.indexOf('</head>');
  if (head < 0) throw new Error('the page has no </head> to put the social card tags before');
  out = out.slice(0, head) + block + out.slice(head);
  // The page sets both as it starts; crawlers that run no scripts read them here.
  out = replaceFirst(out, /<title>[\s\S]*?<\/title>/, `<title>${escapeText(`${title} – Frontlines`)}</title>`);
  // The heading too, so that the header has its height before the app's script runs: on a narrow
  // screen the story's words wrap, and a header that grew then would move the map (and its still
  // picture) down. The app writes the same words in English, the page's language until it runs.
  out = replaceFirst(out, /<h1 id="title">[\s\S]*?<\/h1>/, `<h1 id="title">${escapeText(title)}</h1>`);
  out = replaceFirst(out, /<p id="subtitle" class="subtitle">[\s\S]*?<\/p>/, `<p id="subtitle" class="subtitle">${escapeText(card.subtitle?.en ?? '')}</p>`);
  return replaceFirst(out, /<meta name="description" content="[^"]*"/, `<meta name="description" content="${escapeAttr(description)}"`);
}

/**
 * `html` with the first match of `pattern` replaced by `text` as it is. Data never goes into a
 * replacement string: there `$&`, `` $` ``, `$'` and `$$` are patterns, and a title with `$'` in it
 * copied the rest of the page into itself (issue 23). A function's return value is taken literally.
 */
export const replaceFirst = (html: string, pattern: RegExp, text: string) => html.replace(pattern, () => text);

/** A still picture of the map for the page's first script (scripts/stills.ts, src/app/first-picture.ts). */
export interface StillTag { src: string; lang: string; width: number; height: number; zoom: number; center: [number, number] }
/** The stills' date and the bounds the opening view fits ([west, south, east, north]). */
export interface StillList { dateIso: string; bounds: [number, number, number, number]; stills: StillTag[] }

export const FIRST_SCRIPT = 'first-picture.js';
const STILLS = /\s*<template id="map-stills"[\s\S]*?<\/template>/g;
const FIRST = new RegExp(`<script defer src="\\./${FIRST_SCRIPT.replace('.', '\\.')}"></script>\\n {4}`, 'g');

/**
 * The page with `list` as an inert <template id="map-stills"> after its #map (nothing in it is
 * downloaded until the first script picks a picture), and the first script in the head, deferred,
 * just before the app's module: it is downloaded with the style sheet, at once, and runs once the
 * page is read and styled (the whole page laid out: the map's size is final), before the app's
 * modules (deferred scripts and modules run in the order of the page) and their long first tasks.
 * At the end of the body instead, the browser asked for it later and the still came later with it
 * (docs/performance.md). With null, without either. Running it twice gives the same page.
 */
export function withStills(html: string, list: StillList | null): string {
  let out = html.replace(STILLS, '').replace(FIRST, '');
  if (!list || !list.stills.length) return out;
  const map = /<div id="map"[^>]*><\/div>/.exec(out);
  if (!map) throw new Error('the page has no <div id="map"></div> to put the still pictures after');
  // `elementtiming`: the browser reports when the picture was painted (the benchmark reads it).
  const imgs = list.stills.map((s) => `<img class="map-still" elementtiming="map-still" src="${escapeAttr(s.src)}" width="${s.width}" height="${s.height}" alt="" data-lang="${escapeAttr(s.lang)}" data-date="${escapeAttr(list.dateIso)}" data-zoom="${s.zoom}" data-center="${s.center.join(',')}">`);
  const template = `<template id="map-stills" data-date="${escapeAttr(list.dateIso)}" data-bounds="${list.bounds.join(',')}">${imgs.join('')}</template>`;
  out = out.slice(0, map.index + map[0].length) + `\n        ${template}` + out.slice(map.index + map[0].length);
  const at = out.search(/<script type="module"/);
  if (at < 0) throw new Error('the page has no <script type="module"> to put the first script before');
  return `${out.slice(0, at)}<script defer src="./${FIRST_SCRIPT}"></script>\n    ${out.slice(at)}`;
}
