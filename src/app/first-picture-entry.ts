/**
 * The page's first script: built on its own as a small classic script, `first-picture.js`
 * (vite.config.ts), that the build puts before the app's module (scripts/stills.ts), so it runs as
 * soon as the page is parsed. See first-picture.ts.
 */
import { showFirstPicture } from './first-picture.ts';

const mapEl = document.getElementById('map');
if (mapEl) showFirstPicture(document, mapEl);
