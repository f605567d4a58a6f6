/**
 * What the embed says to its host page, and what it accepts from it.
 *
 * Height, in the formats hosts already understand:
 *  - Datawrapper: `{"datawrapper-height": {"<id>": h}}`
 *  - pym.js: the string `pymxPYMx<id>xPYMxheightxPYMx<h>`
 *  - AMP amp-iframe: `{sentinel: "amp", type: "embed-size", height: h}`
 *  - `{context: "iframe.resize", height: h, src}` (embed.ly-style)
 *
 * Our own API (versioned): the embed posts `{frontlines: 1, event: "ready" | "date", date}`; the host
 * may post `{frontlines: 1, action: "set-date", date}` or `{frontlines: 1, action: "set-place", place}`.
 * Anything else is ignored.
 */
export const PROTOCOL_VERSION = 1;

export type SizeMessage = string | Record<string, unknown>;

export function heightMessages(id: string, heightPx: number, src: string): SizeMessage[] {
  const h = Math.ceil(heightPx);
  return [
    { 'datawrapper-height': { [id]: h } },
    `pymxPYMx${id}xPYMxheightxPYMx${h}`,
    { sentinel: 'amp', type: 'embed-size', height: h },
    { context: 'iframe.resize', height: h, src },
  ];
}

/** The height in any of the formats above, or null; used by the host-side loader. */
export function heightFromMessage(data: unknown): number | null {
  const ok = (h: unknown) => (typeof h === 'number' && Number.isFinite(h) && h > 0 && h < 100_000 ? h : null);
  if (typeof data === 'string') {
    const m = /^pymxPYMx[\w-]+xPYMxheightxPYMx(\d+(?:\.\d+)?)$/.exec(data);
    return m ? ok(Number(m[1])) : null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d['datawrapper-height'] === 'object' && d['datawrapper-height'] !== null) {
    const values = Object.values(d['datawrapper-height'] as Record<string, unknown>);
    return values.length === 1 ? ok(values[0]) : null;
  }
  if (d.sentinel === 'amp' && d.type === 'embed-size') return ok(d.height);
  if (d.context === 'iframe.resize') return ok(d.height);
  return null;
}

export type HostCommand = { action: 'set-date'; date: string } | { action: 'set-place'; place: string | null };

/** A command from the host, or null for anything that is not one of ours in the current version. */
export function parseHostCommand(data: unknown): HostCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.frontlines !== PROTOCOL_VERSION) return null;
  if (d.action === 'set-date' && typeof d.date === 'string' && d.date.length <= 10) return { action: 'set-date', date: d.date };
  if (d.action === 'set-place' && (d.place === null || (typeof d.place === 'string' && d.place.length <= 64))) return { action: 'set-place', place: d.place };
  return null;
}

export function embedEvent(event: 'ready' | 'date', dateIso: string): Record<string, unknown> {
  return { frontlines: PROTOCOL_VERSION, event, date: dateIso };
}
