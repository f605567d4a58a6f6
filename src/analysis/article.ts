import type { Position } from 'geojson';
import { ENCLAVE_ID, type Snapshot } from '../data/contract.ts';
import { nearestTerritory, type Nearest } from './distance.ts';

/** The article's two Mayadeen distances (July 2017): Kurds ~60 km, regime ~80 km without the enclave. */
export const ARTICLE_RINGS_KM = { 'syrian-kurds': 60, 'syrian-regime': 80 } as const;

export interface ArticleDistances {
  kurds: Nearest | null;
  /** Nearest regime-held ground, leaving out the besieged Deir ez-Zor enclave as the article does. */
  regime: Nearest | null;
}

/**
 * The distances the article quotes, computed on one snapshot from a place (Mayadeen).
 * @example articleDistances(july2017, [40.45, 35.02]).kurds?.distanceKm
 */
export function articleDistances(snapshot: Snapshot, from: Position): ArticleDistances {
  const kurds = snapshot.features.filter((f) => f.properties.faction === 'syrian-kurds');
  const regime = snapshot.features.filter((f) => f.properties.faction === 'syrian-regime' && f.properties.id !== ENCLAVE_ID);
  return { kurds: nearestTerritory(kurds, from), regime: nearestTerritory(regime, from) };
}
