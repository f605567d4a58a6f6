/**
 * A picture at once: the page's first script (first-picture-entry.ts, a small classic script that
 * runs as soon as the page is laid out, before MapLibre has even started) shows the build's still
 * picture of the opening view in the map's place, drawn where the live map will draw the same
 * ground (map/opening-view.ts). The live map takes over from it (still-view.ts).
 *
 * The stills are listed in the page's inert `<template id="map-stills">` (scripts/stills.ts draws
 * them, fallback-html.ts writes it): nothing is downloaded unless this script picks one. It picks one only when the URL asks for
 * what the still shows: the story's opening date, in the still's language, on the opening view (or
 * a view the still covers at about its own scale), in the light theme, with no place or comparison.
 * For any other URL the map keeps its light placeholder until the live map is drawn.
 */
import { isLang, langFromBrowser, type Lang } from '../i18n/lang.ts';
import { chooseStill, fitCamera, hashCamera, sameView, stillBox, type Camera, type Size, type StillPicture } from '../map/opening-view.ts';
import type { Bounds } from '../data/story.ts';

export const STILL_CLASS = 'map-still';
/** On #map while a still is shown: the map's canvas is hidden under it until the hand-over. */
export const HAS_STILL_CLASS = 'has-still';

export interface PageUrl { search: string; hash: string }
/** What the URL asks the map to open on, when a still of the opening view can show it. */
export interface StillRequest { lang: Lang; camera: Camera | 'fit' }

/**
 * What a still would have to show for this URL, or null when no still can: the page's language
 * (the URL's, else the browser's, as the app chooses it) and its camera (the URL's view, else the
 * story's bounds fitted to the map).
 * @example stillRequest('explorer', { search: '?lang=nl', hash: '' }, '2017-07-15', ['en-GB'], false) // { lang: 'nl', camera: 'fit' }
 */
export function stillRequest(page: 'explorer' | 'embed', url: PageUrl, stillDateIso: string, languages: readonly string[], prefersDark: boolean): StillRequest | null {
  const q = new URLSearchParams(url.search);
  const date = q.get('date');
  if (date !== null && date !== stillDateIso) return null;
  // A place opens its popup and may move the view; a comparison draws more than the still.
  if (q.has('place') || q.has('compare')) return null;
  const l = q.get('lang');
  const lang = isLang(l) ? l : langFromBrowser(languages);
  let camera: Camera | 'fit' = 'fit';
  if (page === 'explorer' && url.hash.length > 1) {
    const c = hashCamera(url.hash);
    if (!c) return null;
    camera = c;
  }
  if (page === 'embed') {
    const theme = q.get('theme');
    if (theme === 'dark' || (theme === 'auto' && prefersDark)) return null;
    // The embed's own script will put a title, or a date line (no timeline), above the map, and
    // move it: the still would move with it.
    const controls = q.get('controls');
    if (q.get('title')?.trim() || q.has('static') || (controls !== null && !controls.split(',').includes('timeline'))) return null;
    const view = q.get('view');
    if (view !== null) {
      // The embed's `view` flag is zoom/lat/lon, as a hash.
      const c = hashCamera(view);
      if (!c) return null;
      camera = c;
    }
  }
  return { lang, camera };
}

interface ListedStill extends StillPicture { el: HTMLImageElement; lang: string }

/** The stills a page's template lists, with their date and the bounds the opening view fits. */
function listedStills(template: HTMLTemplateElement): { dateIso: string; bounds: Bounds | null; stills: ListedStill[] } {
  const b = (template.dataset.bounds ?? '').split(',').map(Number);
  const bounds: Bounds | null = b.length === 4 && b.every(Number.isFinite) ? [[b[0]!, b[1]!], [b[2]!, b[3]!]] : null;
  const stills = [...template.content.querySelectorAll<HTMLImageElement>(`img.${STILL_CLASS}`)].map((el) => ({
    el, lang: el.dataset.lang ?? '', ...stillGeometry(el),
  }));
  return { dateIso: template.dataset.date ?? '', bounds, stills };
}

/** A still image's own size and camera, from its attributes (written by scripts/stills.ts). */
export function stillGeometry(img: HTMLImageElement): StillPicture {
  const [lng, lat] = (img.dataset.center ?? '').split(',').map(Number) as [number, number];
  return { width: Number(img.getAttribute('width')), height: Number(img.getAttribute('height')), camera: { center: [lng, lat], zoom: Number(img.dataset.zoom) } };
}

/** Sets the still's box (CSS px in the map's element) through the CSSOM: a strict CSP refuses style attributes. */
export function placeStill(img: HTMLImageElement, box: { left: number; top: number; width: number; height: number }): void {
  Object.assign(img.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
}

/** Shows the still the URL can use, if any, in `mapEl`; called once by the page's first script. */
export function showFirstPicture(doc: Document, mapEl: HTMLElement): void {
  const template = doc.querySelector<HTMLTemplateElement>('template#map-stills');
  if (!template) return;
  const { dateIso, bounds, stills } = listedStills(template);
  const page = doc.body.classList.contains('embed') ? 'embed' : 'explorer';
  const want = stillRequest(page, { search: location.search, hash: location.hash }, dateIso, navigator.languages, matchMedia('(prefers-color-scheme: dark)').matches);
  if (!want || !bounds) return;
  // A view in the URL is used only when it is the opening view (as the explorer writes it into its
  // own URL, rounded): a still of the opening view is a stale picture of any other.
  const cameraFor = (size: Size) => {
    const fit = fitCamera(bounds, size);
    return want.camera === 'fit' ? fit : fit && sameView(want.camera, fit, size) ? want.camera : null;
  };
  const size = (): Size => ({ width: mapEl.clientWidth, height: mapEl.clientHeight });
  const camera = cameraFor(size());
  const pick = camera && chooseStill(stills.filter((s) => s.lang === want.lang), camera, size());
  if (!pick) return;
  const img = doc.importNode(pick.el, true);
  img.setAttribute('aria-hidden', 'true');
  img.fetchPriority = 'high';
  img.decoding = 'sync'; // into the first frame after it has loaded, not a later one
  placeStill(img, stillBox(pick, camera, size()));
  mapEl.prepend(img);
  mapEl.classList.add(HAS_STILL_CLASS);
  // Until the live map lines it up with its own camera (still-view.ts), a change of the map's size
  // changes the opening view as it will change the live map's; a size no still covers ends it.
  const follow = new ResizeObserver(() => {
    if (img.dataset.live || !img.isConnected) { follow.disconnect(); return; }
    const c = cameraFor(size());
    const box = c && stillBox(pick, c, size());
    if (c && box && chooseStill([pick], c, size())) placeStill(img, box);
    else { follow.disconnect(); img.remove(); mapEl.classList.remove(HAS_STILL_CLASS); }
  });
  follow.observe(mapEl);
}
