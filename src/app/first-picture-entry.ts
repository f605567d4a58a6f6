/**
 * The page's first script: built on its own as a small classic script, `first-picture.js`
 * (vite.config.ts), that the build puts in the pages' head, deferred, before the app's module
 * (scripts/fallback-html.ts): it runs once the page is read and laid out, before the app's modules.
 * See first-picture.ts.
 */
import { showFirstPicture } from './first-picture.ts';

const mapEl = document.getElementById('map');
if (mapEl) showFirstPicture(document, mapEl);
