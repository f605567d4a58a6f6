import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, escapeAttr, type EmbedChoice } from './snippet.ts';
import { parseEmbedFlags } from './flags.ts';

const choice: EmbedChoice = {
  dateIso: '2017-07-15', lang: 'nl', controls: ['timeline', 'legend'], theme: 'dark', isStatic: false,
  title: 'IS in "juli" <2017>', source: 'NRC', view: { center: [40.45123456, 35.0212345], zoom: 6.123 }, placeId: 'mayadeen', id: 'fl-1',
};

describe('embedUrl', () => {
  it('writes flags the embed reads back unchanged', () => {
    const url = new URL(embedUrl('https://maps.example/frontlines/', choice));
    expect(url.pathname).toBe('/frontlines/embed.html');
    const { flags, notices } = parseEmbedFlags(url.search);
    expect(notices).toEqual([]);
    expect(flags).toMatchObject({ theme: 'dark', title: 'IS in "juli" <2017>', source: 'NRC', id: 'fl-1', view: { center: [40.4512, 35.0212], zoom: 6.12 } });
    expect([...flags.controls]).toEqual(['timeline', 'legend']);
    expect(url.searchParams.get('date')).toBe('2017-07-15');
    expect(url.searchParams.get('place')).toBe('mayadeen');
  });
  it('pins the host origin when one is given, which the embed reads back', () => {
    const url = new URL(embedUrl('https://maps.example/', { ...choice, origin: 'https://news.example' }));
    expect(url.searchParams.get('origin')).toBe('https://news.example');
    expect(parseEmbedFlags(url.search).flags.hostOrigin).toBe('https://news.example');
    expect(new URL(embedUrl('https://maps.example/', choice)).searchParams.has('origin')).toBe(false);
  });
  it('says none when no control is chosen', () => {
    expect(new URL(embedUrl('https://x.example/', { ...choice, controls: [] })).searchParams.get('controls')).toBe('none');
  });
});

describe('embedSnippet', () => {
  it('escapes what it puts in attributes', () => {
    const html = embedSnippet('https://maps.example/', choice, 'Map', true);
    expect(html).toContain('title="IS in &quot;juli&quot; &lt;2017&gt;"');
    expect(html).not.toMatch(/title="[^"]*"[^ >]/);
    expect(html).toContain('<script src="https://maps.example/embed-loader.js" async></script>');
    expect(html.match(/src="([^"]+)"/)![1]).toContain('&amp;');
  });
  it('adds a still picture for pages without scripts, escaped, with absolute addresses', () => {
    const html = embedSnippet('https://maps.example/fl/', choice, 'Map', false, { file: 'frontlines-nl.png', width: 800, height: 754, alt: 'Op 15 juli 2017 had "IS" <veel> & meer' });
    const noscript = html.split('\n')[1]!;
    expect(noscript).toBe('<noscript><a href="https://maps.example/fl/?date=2017-07-15&amp;lang=nl"><img src="https://maps.example/fl/fallback/frontlines-nl.png" width="800" height="754" alt="Op 15 juli 2017 had &quot;IS&quot; &lt;veel&gt; &amp; meer" style="width:100%;height:auto;border:0"></a></noscript>');
    expect(embedSnippet('https://maps.example/fl/', choice, 'Map', false)).not.toContain('<noscript>');
  });
  it('leaves the loader out on request', () => {
    expect(embedSnippet('https://maps.example/', choice, 'Map', false)).not.toContain('<script');
    expect(escapeAttr('a&b')).toBe('a&amp;b');
  });
});
