/**
 * The article's distances on the map, from data/claims.json alone: its `distance` claims about one
 * place give the rings (the article's km) and the lines (to each side's nearest ground on the
 * shown date, leaving out the pockets the claim leaves out). Nothing here knows which war it is.
 */
import type { Position } from 'geojson';
import type { FactionId, Snapshot } from '../data/contract.ts';
import type { Claim, DistanceClaim } from './claims.ts';
import { nearestTerritory, type Nearest } from './distance.ts';

/**
 * The place the article measures from: the story's (story.json `article.place`), else the place of
 * the first distance claim; null when there are no distance claims.
 */
export function articlePlace(claims: readonly Claim[], storyPlace: string | null): string | null {
  if (storyPlace) return storyPlace;
  return claims.find((c): c is DistanceClaim => c.kind === 'distance')?.place ?? null;
}

/** The distance claims measured from `place`, in the file's order. */
export const distanceClaimsAt = (claims: readonly Claim[], place: string): DistanceClaim[] =>
  claims.filter((c): c is DistanceClaim => c.kind === 'distance' && c.place === place);

/** The rings to draw: every km the article names for the place, ascending, once each. */
export const ringRadiiKm = (claims: readonly DistanceClaim[]): number[] => [...new Set(claims.map((c) => c.article))].sort((a, b) => a - b);

/**
 * The nearest ground of the claim's side from a point, leaving out the features whose `id` the
 * claim excludes (e.g. a besieged pocket the article does not count), or null when there is none.
 * evaluateClaim (claims.ts) and the map's lines both measure with this.
 */
export function claimNearest(claim: Pick<DistanceClaim, 'faction' | 'exclude'>, snapshot: Snapshot, from: Position): Nearest | null {
  const features = snapshot.features.filter((f) => f.properties.faction === claim.faction && !claim.exclude.includes(String(f.properties.id)));
  return nearestTerritory(features, from);
}

export interface ArticleLine { claimId: string; faction: FactionId; nearest: Nearest | null }

/**
 * One line per distance claim, computed on one snapshot.
 * @example articleLines(snapshot, distanceClaimsAt(claims, 'town-a'), [40.45, 35.02])[0].nearest?.distanceKm
 */
export function articleLines(snapshot: Snapshot, claims: readonly DistanceClaim[], from: Position): ArticleLine[] {
  return claims.map((c) => ({ claimId: c.id, faction: c.faction, nearest: claimNearest(c, snapshot, from) }));
}
