import { describe, expect, it } from 'vitest';
import { originOfAddress, parseEmbedFlags } from './flags.ts';

describe('parseEmbedFlags', () => {
  it('has sensible defaults', () => {
    const { flags, notices } = parseEmbedFlags('');
    expect([...flags.controls]).toEqual(['timeline', 'legend', 'data']);
    expect(flags).toMatchObject({ theme: 'light', isStatic: false, title: null, source: null, view: null, id: 'frontlines', hostOrigin: null, events: true });
    expect(notices).toEqual([]);
  });
  it('events=0 leaves the events out; 1 keeps them; anything else keeps them with a notice', () => {
    expect(parseEmbedFlags('?events=0').flags.events).toBe(false);
    expect(parseEmbedFlags('?events=false').flags.events).toBe(false);
    expect(parseEmbedFlags('?events=1').flags.events).toBe(true);
    const bad = parseEmbedFlags('?events=some');
    expect(bad.flags.events).toBe(true);
    expect(bad.notices).toEqual([{ flag: 'events', value: 'some' }]);
  });
  it('reads every flag', () => {
    const { flags, notices } = parseEmbedFlags('?controls=legend,claims&theme=dark&title=IS%20in%202017&source=NRC&view=6.5/35.02/40.45&id=chart-1&origin=https://news.example');
    expect([...flags.controls]).toEqual(['legend', 'claims']);
    expect(flags).toMatchObject({ theme: 'dark', title: 'IS in 2017', source: 'NRC', view: { center: [40.45, 35.02], zoom: 6.5 }, id: 'chart-1', hostOrigin: 'https://news.example' });
    expect(notices).toEqual([]);
  });
  it('static drops the timeline; controls=none hides all; controls without data hides the Data control', () => {
    expect([...parseEmbedFlags('?static=1').flags.controls]).toEqual(['legend', 'data']);
    expect([...parseEmbedFlags('?controls=timeline,legend').flags.controls]).toEqual(['timeline', 'legend']);
    expect(parseEmbedFlags('?static').flags.isStatic).toBe(true);
    expect([...parseEmbedFlags('?controls=none').flags.controls]).toEqual([]);
  });
  it('falls back from bad values and names each one', () => {
    const { flags, notices } = parseEmbedFlags('?controls=legend,map&theme=neon&static=maybe&view=99/1/2&id=<b>&origin=javascript:alert(1)');
    expect([...flags.controls]).toEqual(['legend']);
    expect(flags).toMatchObject({ theme: 'light', isStatic: false, view: null, id: 'frontlines', hostOrigin: null });
    expect(notices.map((n) => n.flag)).toEqual(['controls', 'theme', 'static', 'view', 'id', 'origin']);
  });
  it('takes pym’s childId, strips control characters and caps long titles', () => {
    expect(parseEmbedFlags('?childId=pym-1').flags.id).toBe('pym-1');
    expect(parseEmbedFlags('?title=a%0Ab').flags.title).toBe('a b');
    const long = parseEmbedFlags(`?title=${'x'.repeat(200)}`);
    expect(long.flags.title).toHaveLength(140);
    expect(long.notices[0]!.flag).toBe('title');
  });
  it('refuses an origin with a path', () => {
    expect(parseEmbedFlags('?origin=https://news.example/article').flags.hostOrigin).toBeNull();
  });
});

describe('originOfAddress (the embed dialog\'s host field)', () => {
  it('takes the origin of an article\'s address, and refuses what is not an http(s) address', () => {
    expect(originOfAddress('https://news.example/2017/07/map.html?x=1#top')).toBe('https://news.example');
    expect(originOfAddress(' http://localhost:8080/ ')).toBe('http://localhost:8080');
    for (const v of ['news.example', 'javascript:alert(1)', 'https://', 'ftp://news.example', '']) expect(originOfAddress(v), v).toBeNull();
  });
});
