/** Checks of GeoJSON coordinates for the parsers in contract.ts: messages name what is wrong. */
import type { Position } from 'geojson';

export function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    return 'a position must be [longitude, latitude] numbers';
  }
  if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) return `coordinate [${p[0]}, ${p[1]}] is out of range`;
  return null;
}

function checkRing(ring: unknown, label: string): string | null {
  if (!Array.isArray(ring)) return `${label} must be an array of positions`;
  for (const p of ring) {
    const bad = checkPosition(p);
    if (bad) return `${label}: ${bad}`;
  }
  if (ring.length < 4) return `${label} has ${ring.length} positions; a ring needs at least 4`;
  const first = ring[0] as Position, last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return `${label} is not closed (first and last positions differ)`;
  return null;
}

export function checkPolygonCoords(coords: unknown, label: string): string | null {
  if (!Array.isArray(coords) || coords.length === 0) return `${label} must be a non-empty array of rings`;
  for (let r = 0; r < coords.length; r++) {
    const bad = checkRing(coords[r], `${label} ring ${r}`);
    if (bad) return bad;
  }
  return null;
}
