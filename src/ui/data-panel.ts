/**
 * The Data control: a disclosure offering the shown date's GeoJSON, the areas over all dates as
 * CSV, and the licence and credits, as files of data/downloads/ that the build makes
 * (scripts/downloads.ts). Plain links to files on the site (no blob: URLs, which a strict CSP
 * refuses); the list of files is asked for only when the reader first opens the control.
 */
import type { Downloads } from '../data/downloads.ts';
import { downloadName } from '../data/downloads.ts';
import { formatProblem, type Result } from '../data/result.ts';
import type { Story } from '../data/story.ts';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { el } from './dom.ts';
import type { Strings } from './strings.ts';

export interface DataView {
  dateIso: string;
  /** The date's snapshot file in data/snapshots/, offered when the site has no prepared download. */
  snapshotFile: string;
  lang: Lang;
  licence: Story['licence'];
}

export class DataPanel {
  readonly #details: HTMLDetailsElement;
  readonly #body: HTMLElement;
  readonly #summary: HTMLElement;
  readonly #dataBase: string;
  readonly #loadIndex: () => Promise<Result<Downloads>>;
  #index: Result<Downloads> | null = null;
  #loading = false;
  #view: { v: DataView; t: Strings } | null = null;

  /** `dataBase`: the URL of data/, ending in /; `loadIndex`: fetches and parses downloads/index.json. */
  constructor(container: HTMLElement, dataBase: string, loadIndex: () => Promise<Result<Downloads>>) {
    this.#dataBase = dataBase;
    this.#loadIndex = loadIndex;
    this.#summary = el('summary', {});
    this.#body = el('div', { class: 'data-body' });
    this.#details = el('details', { class: 'data-downloads' }, this.#summary, this.#body);
    this.#details.addEventListener('toggle', () => { if (this.#details.open) void this.#load(); });
    container.replaceChildren(this.#details);
  }

  /** Redraws for the shown date and language. */
  update(v: DataView, t: Strings): void {
    this.#view = { v, t };
    this.#summary.textContent = t.data;
    this.#draw();
  }

  async #load(): Promise<void> {
    if (this.#index || this.#loading) return;
    this.#loading = true;
    this.#draw();
    this.#index = await this.#loadIndex();
    this.#loading = false;
    this.#draw();
  }

  #draw(): void {
    if (!this.#view) return;
    const { v, t } = this.#view;
    const licence = v.licence
      ? el('p', { class: 'data-licence' }, `${t.dataLicenceLine} `, v.licence.url ? el('a', { href: v.licence.url, rel: 'license noopener noreferrer', target: '_blank' }, v.licence.name) : v.licence.name)
      : el('p', { class: 'data-licence' }, t.dataNoLicence);
    if (!this.#index) {
      this.#body.replaceChildren(el('p', { class: 'data-note', role: 'status' }, this.#loading ? t.dataLoading : ''), licence);
      return;
    }
    const dir = `${this.#dataBase}downloads/`;
    const link = (href: string, name: string, label: string) => el('li', {}, el('a', { href, download: name }, label));
    const mapLabel = t.dataMap(formatDate(v.dateIso, v.lang));
    const geojsonName = downloadName.geojson(v.dateIso);
    const index = this.#index.ok ? this.#index.value : null;
    const prepared = index?.geojson.get(v.dateIso);
    const items = [
      prepared ? link(dir + prepared, geojsonName, mapLabel) : link(`${this.#dataBase}snapshots/${v.snapshotFile}`, geojsonName, mapLabel),
      index?.csv ? link(dir + index.csv, index.csv, t.dataAreas) : null,
      index?.licence ? link(dir + index.licence, index.licence, t.dataLicence) : null,
    ];
    const notes = [
      prepared ? null : el('p', { class: 'data-note' }, t.dataRaw),
      this.#index.ok ? null : el('p', { class: 'data-note' }, this.#index.problems.map(formatProblem).join('; ')),
    ];
    this.#body.replaceChildren(el('ul', { class: 'data-list' }, ...items), ...notes.filter((n) => n !== null), licence);
  }
}
