/**
 * The article's checkable claims (data/claims.json) as typed data, and their evaluation on any
 * snapshot: our value next to the article's, and a verdict. Pure: places and country outlines come
 * in through a ClaimContext.
 *
 * Verdicts (our thresholds, not the article's):
 * - distance: `agrees` within 10% of the article's km, `close` within 25%, else `differs`
 *   (|ours − article| / article). The article rounds to tens of km, and our front lines are
 *   approximate to 10–30 km (data/snapshots/index.json, "precision").
 * - borders: the side's main body (frontier.ts `mainBody`) borders the other side or country when
 *   they share at least MIN_CONTACT_KM. `agrees` when that yes/no matches the article; `close`
 *   when only the side's ground as a whole (pockets away from the main body included) matches;
 *   else `differs`. The value is the main body's shared km.
 * - holder: `agrees` when the place's holder is the article's side, else `differs`.
 * `n/a` when there is nothing to measure on the date (the side holds no ground).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { factionIdCheck, isIsoDate, type FactionId, type Place, type Snapshot, type TerritoryFeature } from '../data/contract.ts';
import { fail, failAll, ok, type Problem, type Result } from '../data/result.ts';
import { claimNearest } from './article.ts';
import { clip, echo } from '../data/echo.ts';
import { featureNear } from './territory.ts';
import { borderWithCountryKm, mainBody, MIN_CONTACT_KM, sharedBoundaryKm, type Body } from './frontier.ts';

/** Relative distance error within which our value agrees with the article's (ours). */
export const AGREES_WITHIN = 0.1;
/** Relative distance error within which our value is close to the article's (ours). */
export const CLOSE_WITHIN = 0.25;

interface ClaimBase {
  id: string;
  /** The article's statement, numbered as in the project's reference notes. */
  statement?: number;
  /** The claim in words; in a claim about a place, `{place}` stands for its name in places.geojson (src/ui/names-text.ts). */
  text: { en: string; nl: string };
}
/** Distance in km from a place to the nearest ground of a faction, leaving out features by id. */
export interface DistanceClaim extends ClaimBase { kind: 'distance'; place: string; faction: FactionId; exclude: string[]; article: number }
export type Neighbour = { faction: FactionId } | { country: string; name: string };
/** Whether the faction's main body borders another faction or a country. */
export interface BordersClaim extends ClaimBase { kind: 'borders'; faction: FactionId; with: Neighbour; article: boolean }
/** Who holds a place. */
export interface HolderClaim extends ClaimBase { kind: 'holder'; place: string; article: FactionId }
export type Claim = DistanceClaim | BordersClaim | HolderClaim;

export interface Claims { source: string; dateIso: string; claims: Claim[] }

export type Verdict = 'agrees' | 'close' | 'differs' | 'n/a';
export interface ClaimEvaluation {
  id: string;
  /** km for distances and borders; the holder's faction id (null: nobody) for holders. */
  value: number | string | null;
  unit?: 'km';
  verdict: Verdict;
  detail: string;
}

export interface ClaimContext {
  places: ReadonlyMap<string, Place>;
  /** Country outlines by id (ISO numeric as in the basemap, e.g. "792" for Turkey). */
  countries: ReadonlyMap<string, Feature<Polygon | MultiPolygon>>;
}

/** Known ids, to check a claims file against factions.json, places.geojson and the basemap when parsing. */
export interface KnownIds { factions?: Iterable<string>; places?: Iterable<string>; countries?: Iterable<string> }

const KINDS = ['distance', 'borders', 'holder'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed claims file. Problems name the file and the claim (index and id).
 * @example parseClaims(JSON.parse(text), 'data/claims.json', { places: ['town-a', 'town-b'] })
 */
export function parseClaims(data: unknown, file: string, known: KnownIds = {}): Result<Claims> {
  if (!isObject(data) || !Array.isArray(data.claims)) return fail({ file, message: 'expected an object {"source": ..., "dateIso": ..., "claims": [...]}' });
  const problems: Problem[] = [];
  if (typeof data.source !== 'string' || !data.source) problems.push({ file, message: '"source" must name where the claims come from' });
  if (!isIsoDate(data.dateIso)) problems.push({ file, message: `"dateIso" must be a date written YYYY-MM-DD, got ${echo(data.dateIso)}` });
  const { ok: isFactionId, expected: FACTIONS } = factionIdCheck(known.factions);
  const places = known.places ? new Set(known.places) : null;
  const countries = known.countries ? new Set(known.countries) : null;
  const claims: Claim[] = [];
  const seen = new Set<string>();
  data.claims.forEach((c: unknown, i) => {
    const bad = (where: string, message: string) => problems.push({ file, message: `claims[${i}]${where}: ${message}` });
    if (!isObject(c)) return bad('', 'expected an object');
    if (typeof c.id !== 'string' || !/^[a-z0-9-]+$/.test(c.id)) return bad('', '"id" must be lower-case letters, digits and hyphens');
    const at = ` (${clip(c.id)})`;
    if (seen.has(c.id)) return bad(at, 'id is used twice');
    seen.add(c.id);
    const t = c.text;
    if (!isObject(t) || typeof t.en !== 'string' || !t.en || typeof t.nl !== 'string' || !t.nl) return bad(at, '"text" must be {"en": string, "nl": string}');
    if (c.kind === 'borders' && `${t.en}${t.nl}`.includes('{place}')) return bad(at, '"text" says {place}, but a "borders" claim is about no place');
    if (c.statement !== undefined && !(Number.isInteger(c.statement) && (c.statement as number) > 0)) return bad(at, '"statement" must be a positive whole number');
    const base: ClaimBase = { id: c.id, text: { en: t.en, nl: t.nl }, ...(c.statement !== undefined ? { statement: c.statement as number } : {}) };
    const placeOk = (): boolean => {
      const problem = typeof c.place !== 'string' || !c.place ? '"place" must be a place id from places.geojson'
        : places && !places.has(c.place) ? `no place "${clip(c.place)}" in places.geojson` : null;
      if (problem) bad(at, problem);
      return !problem;
    };
    switch (c.kind) {
      case 'distance': {
        if (!placeOk()) return;
        if (!isFactionId(c.faction)) return bad(at, `"faction" must be ${FACTIONS}`);
        const exclude = c.exclude ?? [];
        if (!Array.isArray(exclude) || !exclude.every((x) => typeof x === 'string')) return bad(at, '"exclude" must be a list of feature ids');
        if (typeof c.article !== 'number' || !(c.article > 0)) return bad(at, '"article" must be the article\'s distance in km, a positive number');
        return claims.push({ ...base, kind: 'distance', place: c.place as string, faction: c.faction, exclude: exclude as string[], article: c.article });
      }
      case 'borders': {
        if (!isFactionId(c.faction)) return bad(at, `"faction" must be ${FACTIONS}`);
        const w = c.with;
        let neighbour: Neighbour;
        if (isObject(w) && isFactionId(w.faction) && w.country === undefined) neighbour = { faction: w.faction };
        else if (isObject(w) && typeof w.country === 'string' && w.faction === undefined) {
          if (countries && !countries.has(w.country)) return bad(at, `no country "${clip(w.country)}" in the basemap`);
          neighbour = { country: w.country, name: typeof w.name === 'string' ? w.name : w.country };
        } else return bad(at, `"with" must be {"faction": ${FACTIONS}} or {"country": an ISO numeric id such as "792", "name": string}`);
        if (typeof c.article !== 'boolean') return bad(at, '"article" must be true (the article says they border) or false');
        return claims.push({ ...base, kind: 'borders', faction: c.faction, with: neighbour, article: c.article });
      }
      case 'holder': {
        if (!placeOk()) return;
        if (!isFactionId(c.article)) return bad(at, `"article" must be the holder the article names, ${FACTIONS}`);
        return claims.push({ ...base, kind: 'holder', place: c.place as string, article: c.article });
      }
      default:
        return bad(at, `"kind" must be one of ${KINDS.join(', ')}, got ${echo(c.kind)}`);
    }
  });
  if (!problems.length && claims.length === 0) problems.push({ file, message: 'lists no claims' });
  return problems.length ? failAll(problems) : ok({ source: data.source as string, dateIso: data.dateIso as string, claims });
}

/** Builds the context from places and country features (with `properties.id`, as the basemap's). */
export function claimContext(places: readonly Place[], countries: readonly Feature<Polygon | MultiPolygon>[]): ClaimContext {
  return {
    places: new Map(places.map((p) => [p.properties.id, p])),
    countries: new Map(countries.map((c) => [String(c.properties?.id ?? c.id), c])),
  };
}

/** Several borders claims ask for the same body; compute it once per snapshot. */
const bodies = new WeakMap<Snapshot, Map<FactionId, Body | null>>();
function cachedBody(snapshot: Snapshot, faction: FactionId): Body | null {
  let m = bodies.get(snapshot);
  if (!m) bodies.set(snapshot, (m = new Map()));
  if (!m.has(faction)) m.set(faction, mainBody(snapshot, faction));
  return m.get(faction)!;
}

const km1 = (x: number) => `${x.toFixed(1)} km`;
const ofFaction = (snapshot: Snapshot, f: FactionId): TerritoryFeature[] => snapshot.features.filter((x) => x.properties.faction === f);
const allGround = (features: readonly TerritoryFeature[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)),
});

/**
 * Our value for one claim on one snapshot, with a verdict against the article's value.
 * Distances use `claimNearest` (article.ts), as the map's lines do.
 * @example evaluateClaim(claims[0], snapshot, ctx) // { id: 'town-a-side-b-km', value: 79.9, unit: 'km', verdict: 'differs', detail: '79.9 km from town-a to side-b (article ≈60 km, +33%)' }
 */
export function evaluateClaim(claim: Claim, snapshot: Snapshot, ctx: ClaimContext): ClaimEvaluation {
  const { id } = claim;
  const at = (place: string): Position | null => ctx.places.get(place)?.geometry.coordinates ?? null;
  switch (claim.kind) {
    case 'distance': {
      const from = at(claim.place);
      if (!from) return { id, value: null, unit: 'km', verdict: 'n/a', detail: `no place "${claim.place}"` };
      const near = claimNearest(claim, snapshot, from);
      if (!near) return { id, value: null, unit: 'km', verdict: 'n/a', detail: `${claim.faction} holds no ground${claim.exclude.length ? ` outside ${claim.exclude.join(', ')}` : ''}` };
      const rel = (near.distanceKm - claim.article) / claim.article;
      const verdict = Math.abs(rel) <= AGREES_WITHIN ? 'agrees' : Math.abs(rel) <= CLOSE_WITHIN ? 'close' : 'differs';
      const pct = `${rel >= 0 ? '+' : '−'}${Math.abs(rel * 100).toFixed(0)}%`;
      return { id, value: near.distanceKm, unit: 'km', verdict, detail: `${km1(near.distanceKm)} from ${claim.place} to ${claim.faction} (article ≈${claim.article} km, ${pct})` };
    }
    case 'borders': {
      const body = cachedBody(snapshot, claim.faction);
      if (!body) return { id, value: null, unit: 'km', verdict: 'n/a', detail: `${claim.faction} holds no ground` };
      const w = claim.with;
      const other = 'faction' in w ? ofFaction(snapshot, w.faction) : null;
      const country = 'country' in w ? ctx.countries.get(w.country) : undefined;
      if (!other && !country) return { id, value: null, unit: 'km', verdict: 'n/a', detail: `no outline for country ${'country' in w ? w.country : ''}` };
      const name = 'faction' in w ? w.faction : w.name;
      const measure = (a: Body | MultiPolygon) => (other ? sharedBoundaryKm(a, other) : borderWithCountryKm(a, country!));
      const km = measure(body);
      const says = (yes: boolean) => (yes ? 'borders' : 'does not border');
      const main = `${claim.faction}'s main body ${says(km >= MIN_CONTACT_KM)} ${name} (${km1(km)} shared; article: ${says(claim.article)})`;
      if (km >= MIN_CONTACT_KM === claim.article) return { id, value: km, unit: 'km', verdict: 'agrees', detail: main };
      const allKm = measure(allGround(ofFaction(snapshot, claim.faction)));
      const whole = (allKm >= MIN_CONTACT_KM) === claim.article;
      return { id, value: km, unit: 'km', verdict: whole ? 'close' : 'differs', detail: `${main}; all its ground, pockets included: ${km1(allKm)}` };
    }
    case 'holder': {
      const place = at(claim.place);
      if (!place) return { id, value: null, verdict: 'n/a', detail: `no place "${claim.place}"` };
      // featureNear, as the place card does: a town just outside a simplified border still counts.
      const f = featureNear(snapshot, place);
      const holder = f?.properties.faction ?? null;
      const how = f?.properties.tier === 'desert' ? ' (desert it dominates)' : '';
      return {
        id, value: holder, verdict: holder === claim.article ? 'agrees' : 'differs',
        detail: `${claim.place}: ${holder ?? 'nobody'}${how} (article: ${claim.article})`,
      };
    }
  }
}
