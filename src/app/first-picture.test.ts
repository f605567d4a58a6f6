import { describe, expect, it } from 'vitest';
import { stillRequest } from './first-picture.ts';

const D = '2017-07-15';
const ex = (search: string, hash = '', languages = ['en-GB']) => stillRequest('explorer', { search, hash }, D, languages, false);
const em = (search: string, prefersDark = false) => stillRequest('embed', { search, hash: '' }, D, ['en-GB'], prefersDark);

describe('stillRequest: which URLs may show the still of the opening view', () => {
  it('the opening view, in the URL\'s language or else the browser\'s', () => {
    expect(ex('')).toEqual({ lang: 'en', camera: 'fit' });
    expect(ex('', '', ['nl-NL', 'en'])).toEqual({ lang: 'nl', camera: 'fit' });
    expect(ex('?lang=nl')).toEqual({ lang: 'nl', camera: 'fit' });
    expect(ex('?lang=xx', '', ['nl'])).toEqual({ lang: 'nl', camera: 'fit' }); // the app falls back the same way
    expect(ex(`?date=${D}&utm_source=paper`)).toEqual({ lang: 'en', camera: 'fit' });
    expect(ex('', '#5.45/33.349/42.1')).toEqual({ lang: 'en', camera: { center: [42.1, 33.349], zoom: 5.45 } });
  });
  it('nothing for another date, a place, a comparison or a view that is not a plain one', () => {
    expect(ex('?date=2016-01-01')).toBeNull();
    expect(ex('?date=2017-07-20')).toBeNull(); // the same snapshot, but the script cannot know that
    expect(ex('?place=raqqa')).toBeNull();
    expect(ex('?compare=2016-01-01')).toBeNull();
    expect(ex('', '#6/35/40.5/30')).toBeNull();
    expect(ex('', '#junk')).toBeNull();
  });
  it('in the embed: not in the dark theme, nor when a title or date line will be put above the map', () => {
    expect(em('')).toEqual({ lang: 'en', camera: 'fit' });
    expect(em('?controls=timeline,legend&id=x')).toEqual({ lang: 'en', camera: 'fit' });
    expect(em('?view=5.05/33.35/42.1')).toEqual({ lang: 'en', camera: { center: [42.1, 33.35], zoom: 5.05 } });
    expect(em('?theme=dark')).toBeNull();
    expect(em('?theme=auto', true)).toBeNull();
    expect(em('?theme=auto', false)).toEqual({ lang: 'en', camera: 'fit' });
    expect(em('?title=Islamic%20State')).toBeNull();
    expect(em('?controls=legend')).toBeNull();
    expect(em('?static=1')).toBeNull();
    expect(em('?view=junk')).toBeNull();
  });
});
