/**
 * The words and tags the build writes for readers and sites without scripts (the pictures
 * themselves are checked in tests/browser/fallbacks.test.ts): alternative texts made from any
 * story's data, the <noscript> picture and the card tags, escaped and the same when written twice.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFallback } from '../src/data/fallback.ts';
import { escapeAttr } from '../src/embed/snippet.ts';
import { replaceFirst, withNoscriptPicture, withSocialCard, withStills } from './fallback-html.ts';
import { fallbackText } from './fallback-text.ts';
import { publishFallbacks, siteUrlFrom } from './fallbacks.ts';

const tmp = mkdtempSync(join(tmpdir(), 'frontlines-fallbacks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = `<!doctype html><html lang="en"><head>
    <meta name="description" content="An interactive map." />
    <title>Frontlines</title>
  </head><body><noscript><p class="noscript">This map needs JavaScript.</p></noscript></body></html>`;
const tricky = 'A "war" <of> rivers & hills';

describe('fallbackText', () => {
  it('words the bundled story\'s opening view: title, date, areas, the article\'s distances', () => {
    const t = fallbackText('data');
    expect(t.dateIso).toBe('2017-07-15');
    expect(t.alt.en).toMatch(/^Map of who held which ground: The shrinking caliphate\. On 15 July 2017 the Iraqi government held about [\d,]+ km²/);
    expect(t.alt.en).toMatch(/from Mayadeen it was \d+ km to the Syrian Kurds \(YPG\/SDF\) and \d+ km to the Syrian regime \(not counting the Deir ez-Zor enclave[^)]*\), where the article says about 60 and 80 km\.$/);
    expect(t.alt.nl).toMatch(/^Kaart van wie welk gebied in handen had: Het krimpende kalifaat\. Op 15 juli 2017 /);
  });

  it('words a story without stats or claims from its snapshot, opening on its last date', () => {
    const t = fallbackText('tests/fixtures/story-b');
    expect(t.dateIso).toBe('2024-07-01');
    expect(t.alt.en).toMatch(/^Map of who held which ground: The river war\. On 1 July 2024 the North Army held about [\d,]+ km², /);
    expect(t.alt.en).not.toMatch(/article/);
  });
});

describe('withNoscriptPicture', () => {
  const pic = { src: 'fallback/frontlines-en.png', width: 800, height: 754, alt: tricky };
  it('puts the picture before the words, escaping its text, and replaces it when written again', () => {
    const once = withNoscriptPicture(page, pic);
    expect(once).toContain('<noscript><img class="noscript-map" src="fallback/frontlines-en.png" width="800" height="754" alt="A &quot;war&quot; &lt;of&gt; rivers &amp; hills"><p class="noscript">This map needs JavaScript.</p></noscript>');
    expect(withNoscriptPicture(once, pic)).toBe(once);
    expect(withNoscriptPicture(once, null)).toBe(page);
  });
  it('says so when the page has no <noscript>', () => {
    expect(() => withNoscriptPicture('<html></html>', pic)).toThrow('no <noscript>');
  });
});

describe('withSocialCard', () => {
  const card = { title: { en: tricky, nl: 'x' }, subtitle: { en: 'Three sides', nl: 'y' }, pageUrl: 'https://maps.example/fl/', image: { src: 'https://maps.example/fl/fallback/social-card.png', width: 1200, height: 630, alt: 'On 1 July 2024 …' } };
  it('writes the Open Graph and Twitter tags, the title and the description, escaped; twice is once', () => {
    const once = withSocialCard(page, card);
    expect(once).toContain('<meta property="og:title" content="A &quot;war&quot; &lt;of&gt; rivers &amp; hills" />');
    expect(once).toContain('<meta property="og:image" content="https://maps.example/fl/fallback/social-card.png" />');
    expect(once).toContain('<meta property="og:url" content="https://maps.example/fl/" />');
    expect(once).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(once).toContain('<title>A "war" &lt;of&gt; rivers &amp; hills – Frontlines</title>');
    expect(once).toContain('<meta name="description" content="Three sides" />');
    expect(withSocialCard(once, card)).toBe(once);
  });
  it('without a picture: a summary card and no image tags', () => {
    const html = withSocialCard(page, { ...card, image: null, pageUrl: null });
    expect(html).toContain('<meta name="twitter:card" content="summary" />');
    expect(html).not.toMatch(/og:image|twitter:image|og:url/);
  });
});

describe('withStills (the still pictures of the opening view for the pages\' first script)', () => {
  const app = `<html><head>\n    <title>T</title>\n    <script type="module" crossorigin src="./assets/index.js"></script>\n  </head><body><header><h1 id="title">Frontlines</h1><p id="subtitle" class="subtitle"></p></header><div class="map-wrap">\n        <div id="map" class="map" role="region" aria-busy="true"></div>\n      </div></body></html>`;
  const list = { dateIso: '2017-07-15', bounds: [35.6, 29.1, 48.6, 37.4] as [number, number, number, number], stills: [{ src: 'fallback/map-en-1128x780.webp', lang: 'en', width: 1128, height: 780, zoom: 5.45, center: [42.1, 33.35] as [number, number] }] };
  it('lists them in an inert template after the map, and puts the first script, deferred, just before the app\'s module; twice is once', () => {
    const once = withStills(app, list);
    expect(once).toContain('<div id="map" class="map" role="region" aria-busy="true"></div>\n        <template id="map-stills" data-date="2017-07-15" data-bounds="35.6,29.1,48.6,37.4"><img class="map-still" elementtiming="map-still" src="fallback/map-en-1128x780.webp" width="1128" height="780" alt="" data-lang="en" data-date="2017-07-15" data-zoom="5.45" data-center="42.1,33.35"></template>');
    expect(once).toContain('<title>T</title>\n    <script defer src="./first-picture.js"></script>\n    <script type="module" crossorigin src="./assets/index.js"></script>');
    expect(once.match(/first-picture\.js/g)).toHaveLength(1);
    expect(withStills(once, list)).toBe(once);
    expect(withStills(once, null)).toBe(app);
    expect(withStills(app, { ...list, stills: [] })).toBe(app);
  });
  it('says so when the page has no map', () => {
    expect(() => withStills(page, list)).toThrow(/no <div id="map">/);
  });
  it('withSocialCard also writes the heading, so the header has its height before the app runs', () => {
    const out = withSocialCard(app, { title: { en: tricky, nl: 'x' }, subtitle: { en: 'Sub & title', nl: 'y' }, image: null, pageUrl: null });
    expect(out).toContain('<h1 id="title">A "war" &lt;of&gt; rivers &amp; hills</h1><p id="subtitle" class="subtitle">Sub &amp; title</p>');
  });
});

describe('publishFallbacks without pictures (FRONTLINES_NO_RENDER)', () => {
  it('writes an empty list and text-only pages for any story', async () => {
    const site = join(tmp, 'site');
    cpSync('tests/fixtures/story-b', join(site, 'data'), { recursive: true });
    for (const p of ['index.html', 'embed.html']) writeFileSync(join(site, p), page);
    const f = await publishFallbacks(site, { render: false });
    expect(f).toEqual({ dateIso: '2024-07-01', pictures: {}, social: null });
    const listed = parseFallback(JSON.parse(readFileSync(join(site, 'fallback/fallback.json'), 'utf8')), 'fallback.json');
    expect(listed.ok && listed.value).toEqual(f);
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain('<meta property="og:title" content="The river war" />');
    expect(index).not.toContain('noscript-map');
  });
});

describe('story text with $ in it (issue 23: a title with $\' copied the rest of the page into itself)', () => {
  // The four special patterns of a replacement string, then a title that made 20 copies of </html>.
  const dollars = "$' $` $& $$";
  const card = { title: { en: `Title ${dollars}`, nl: 'x' }, subtitle: { en: `Subtitle ${dollars}`, nl: 'y' }, pageUrl: null, image: { src: 'fallback/social-card.png', width: 1200, height: 630, alt: `Alt ${dollars}` } };
  const count = (html: string, s: string) => html.split(s).length - 1;
  /** As the page holds it: & escaped (escapeAttr escapes for text too when there is no quote). */
  const e = escapeAttr;

  it('replaceFirst puts the text in as it is', () => {
    expect(replaceFirst('<a>old</a>', /old/, dollars)).toBe(`<a>${dollars}</a>`);
  });

  it('withSocialCard and withNoscriptPicture take title, subtitle and alternative text as they are', () => {
    const html = withNoscriptPicture(withSocialCard(page, card), { src: 'fallback/frontlines-en.png', width: 800, height: 600, alt: `Alt ${dollars}` });
    expect(html).toContain(`<title>${e(`Title ${dollars} – Frontlines`)}</title>`);
    expect(html).toContain(`<meta name="description" content="${e(`Subtitle ${dollars}`)}" />`);
    expect(html).toContain(`<meta property="og:title" content="${e(`Title ${dollars}`)}" />`);
    expect(html).toContain(`<meta property="og:image:alt" content="${e(`Alt ${dollars}`)}" />`);
    expect(html).toContain(`alt="${e(`Alt ${dollars}`)}"`);
    expect([count(html, '</html>'), count(html, '<title>'), count(html, '</head>'), count(html, '<noscript>')]).toEqual([1, 1, 1, 1]);
    const long = withSocialCard(page, { ...card, title: { en: "$'".repeat(40), nl: 'x' } });
    expect(count(long, '</html>')).toBe(1);
    expect(long.length).toBeLessThan(page.length + 3000);
  });

  it('the build step writes a story\'s title, subtitle and side names with $ into the built pages as they are', async () => {
    const site = join(tmp, 'dollars');
    cpSync('tests/fixtures/story-b', join(site, 'data'), { recursive: true });
    const edit = (file: string, change: (json: Record<string, any>) => void) => {
      const json = JSON.parse(readFileSync(join(site, 'data', file), 'utf8'));
      change(json);
      writeFileSync(join(site, 'data', file), JSON.stringify(json));
    };
    edit('story.json', (j) => { j.title.en = `The river war ${dollars}`; j.subtitle.en = `Three sides ${dollars}`; });
    edit('factions.json', (j) => { j.factions[0].name.en = `North ${dollars} Army`; });
    for (const p of ['index.html', 'embed.html']) writeFileSync(join(site, p), page);
    await publishFallbacks(site, { render: false });
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    expect(index).toContain(`<title>${e(`The river war ${dollars} – Frontlines`)}</title>`);
    expect(index).toContain(`<meta name="description" content="${e(`Three sides ${dollars}`)}" />`);
    expect(index).toContain(`<meta name="twitter:title" content="${e(`The river war ${dollars}`)}" />`);
    expect([count(index, '</html>'), count(index, '<title>'), count(index, '</head>')]).toEqual([1, 1, 1]);
    // The side's name reaches the pictures' alternative text (written when pictures are made).
    const alt = fallbackText(join(site, 'data')).alt.en;
    expect(alt).toContain(`North ${dollars} Army held about`);
    expect(withNoscriptPicture(page, { src: 'a.png', width: 1, height: 1, alt })).toContain(`alt="${e(alt)}"`);
    // A place's name too: the bundled story's text names the article's town.
    const bundled = join(tmp, 'dollars-bundled');
    cpSync('data', bundled, { recursive: true });
    const places = JSON.parse(readFileSync(join(bundled, 'places.geojson'), 'utf8'));
    places.features.find((f: { properties: { id: string } }) => f.properties.id === 'mayadeen').properties.name_en = `Maya ${dollars} deen`;
    writeFileSync(join(bundled, 'places.geojson'), JSON.stringify(places));
    const townAlt = fallbackText(bundled).alt.en;
    expect(townAlt).toContain(`from Maya ${dollars} deen it was`);
    expect(withNoscriptPicture(page, { src: 'a.png', width: 1, height: 1, alt: townAlt })).toContain(`alt="${e(townAlt)}"`);
  });
});

describe('siteUrlFrom', () => {
  it('makes a folder URL, and names a bad value', () => {
    expect(siteUrlFrom(undefined)).toBeNull();
    expect(siteUrlFrom('https://maps.example/fl')).toBe('https://maps.example/fl/');
    expect(() => siteUrlFrom('maps.example')).toThrow('FRONTLINES_SITE_URL must be the site\'s address');
    expect(() => siteUrlFrom('ftp://maps.example/')).toThrow('must start with https:// or http://');
  });
});

describe('parseFallback', () => {
  it('takes only plain file names and whole sizes', () => {
    const good = { date: '2017-07-15', pictures: { en: { file: 'a.png', width: 800, height: 600, alt: 'x' } }, social: null };
    expect(parseFallback(good, 'f').ok).toBe(true);
    expect(parseFallback({ ...good, pictures: { en: { ...good.pictures.en, file: '../x.png' } } }, 'f').ok).toBe(false);
    expect(parseFallback({ ...good, pictures: { fr: good.pictures.en } }, 'f').ok).toBe(false);
    expect(parseFallback({ ...good, social: { ...good.pictures.en, width: 1.5 } }, 'f').ok).toBe(false);
  });
});
