/**
 * The basemap's colours in the light and dark themes. Apart from style.ts (which loads fonts) so
 * that Node scripts can read them too: the renderer checks its pictures against them
 * (side-pixels.ts).
 */
export const COLORS = {
  sea: '#c9dbe6',
  land: '#ece9e2',
  focusLand: '#f7f5f0',
  border: '#8c8577',
  river: '#6f9fc0',
  label: '#3b3832',
  halo: '#ffffff',
  countryLabel: '#8a8478',
};
export type Palette = typeof COLORS;
/** The dark theme keeps the faction colours; only the basemap darkens. */
export const COLORS_DARK: Palette = {
  sea: '#1c2a36',
  land: '#34332f',
  focusLand: '#5c5952',
  border: '#8e877a',
  river: '#4f86ad',
  label: '#ece8df',
  halo: '#1f1e1b',
  countryLabel: '#a49e92',
};

export const palette = (theme: 'light' | 'dark'): Palette => (theme === 'dark' ? COLORS_DARK : COLORS);
