/**
 * The page's first script: built on its own as a small classic script, `first-picture.js`
 * (vite.config.ts), that the build puts at the end of the pages' body (scripts/fallback-html.ts),
 * so it runs as soon as the page is laid out, before the app's modules. See first-picture.ts.
 */
import { showFirstPicture } from './first-picture.ts';

const mapEl = document.getElementById('map');
if (mapEl) showFirstPicture(document, mapEl);
