import { describe, expect, it } from 'vitest';
import type { Bounds } from '../data/story.ts';
import { chooseStill, fitCamera, hashCamera, MAX_STILL_SCALE, project, sameView, stillBox } from './opening-view.ts';

const BOUNDS: Bounds = [[35.6, 29.1], [48.6, 37.4]];

describe('fitCamera', () => {
  it('gives the camera MapLibre gives (fitBounds, padding 16) for the bundled story\'s bounds', () => {
    // Read from MapLibre 6.17 in Chromium (map.getZoom(), map.getCenter() after the app's fitBounds)
    // at the explorer's and the embed's map sizes.
    const maplibre: [number, number, number][] = [[940, 650, 5.449922220087042], [390, 523, 4.275229155452839], [375, 281, 4.138461124250749], [800, 500, 5.048823911766072]];
    for (const [width, height, zoom] of maplibre) {
      const c = fitCamera(BOUNDS, { width, height })!;
      expect(c.zoom, `${width}×${height}`).toBeCloseTo(zoom, 9);
      expect(c.center[0]).toBeCloseTo(42.1, 9);
      expect(c.center[1]).toBeCloseTo(33.348809267588095, 9);
    }
  });
  it('puts the bounds\' corners 16 px inside the map along the side that limits the zoom', () => {
    const size = { width: 800, height: 500 };
    const c = fitCamera(BOUNDS, size)!;
    const sw = project(BOUNDS[0], c, size), ne = project(BOUNDS[1], c, size);
    expect(sw.y).toBeCloseTo(500 - 16, 6);
    expect(ne.y).toBeCloseTo(16, 6);
    expect(sw.x).toBeGreaterThan(16);
    expect(sw.x + (800 - ne.x)).toBeCloseTo(2 * sw.x, 6); // centred
  });
  it('is null for a map too small for its padding', () => {
    expect(fitCamera(BOUNDS, { width: 30, height: 300 })).toBeNull();
  });
});

describe('stillBox and chooseStill', () => {
  const camera = fitCamera(BOUNDS, { width: 940, height: 650 })!;
  const still = { width: 1128, height: 780, camera, id: 'desktop' };
  it('draws a still of the same camera centred at scale 1, its margin outside the map', () => {
    expect(stillBox(still, camera, { width: 940, height: 650 })).toEqual({ left: -94, top: -65, width: 1128, height: 780, scale: 1 });
  });
  it('lines the ground up at another camera: a point of the still lands where the map draws it', () => {
    const size = { width: 1100, height: 750 };
    const live = fitCamera(BOUNDS, size)!;
    const b = stillBox(still, live, size);
    const inStill = project([40.45, 35.02], still.camera, still);
    const inMap = project([40.45, 35.02], live, size);
    expect(b.left + inStill.x * b.scale).toBeCloseTo(inMap.x, 6);
    expect(b.top + inStill.y * b.scale).toBeCloseTo(inMap.y, 6);
  });
  it('takes the still nearest scale 1 that covers the map, and none beyond MAX_STILL_SCALE', () => {
    const small = { width: 468, height: 627, camera: fitCamera(BOUNDS, { width: 390, height: 523 })!, id: 'phone' };
    expect(chooseStill([small, still], camera, { width: 940, height: 650 })?.id).toBe('desktop');
    expect(chooseStill([small, still], small.camera, { width: 390, height: 523 })?.id).toBe('phone');
    // A map much larger than any still: its zoom is too far off.
    const big = { width: 1900, height: 1000 };
    expect(stillBox(still, fitCamera(BOUNDS, big)!, big).scale).toBeGreaterThan(MAX_STILL_SCALE);
    expect(chooseStill([small, still], fitCamera(BOUNDS, big)!, big)).toBeNull();
    // The same zoom, but the view moved off the still's ground.
    expect(chooseStill([still], { center: [50, 33.35], zoom: camera.zoom }, { width: 940, height: 650 })).toBeNull();
  });
});

describe('hashCamera', () => {
  it('reads MapLibre\'s #zoom/lat/lng, and nothing else', () => {
    expect(hashCamera('#5.45/33.349/42.1')).toEqual({ center: [42.1, 33.349], zoom: 5.45 });
    expect(hashCamera('#5.45/33.349/42.1/0/0')).toEqual({ center: [42.1, 33.349], zoom: 5.45 });
    expect(hashCamera('#5.45/33.349/42.1/30')).toBeNull();
    expect(hashCamera('#junk')).toBeNull();
    expect(hashCamera('')).toBeNull();
    expect(hashCamera('#5/95/42')).toBeNull();
  });
});

describe('sameView', () => {
  it('takes the opening view as the explorer writes it into its URL, and no other', () => {
    const size = { width: 940, height: 650 };
    const fit = fitCamera(BOUNDS, size)!;
    expect(sameView(hashCamera('#5.45/33.349/42.1')!, fit, size)).toBe(true);
    expect(sameView(hashCamera('#5.47/33.349/42.1')!, fit, size)).toBe(false);
    expect(sameView(hashCamera('#5.45/33.4/42.1')!, fit, size)).toBe(false);
    expect(sameView(hashCamera('#6/35/40.5')!, fit, size)).toBe(false);
  });
});
