/**
 * The Data control: a disclosure offering the shown date's map, which is its snapshot file itself
 * (saved as frontlines-DATE.geojson), and beside it files of data/downloads/ that the build makes
 * (scripts/downloads.ts): every date's sources, the areas over all dates as CSV, and the licence
 * and credits. Plain links to files on the site (no blob: URLs); the list of files is asked for
 * only when the reader first opens the control, and this module is loaded then too
 * (data-shell.ts is all the first view needs).
 */
import { downloadName, parseDownloads, type Downloads } from '../data/downloads.ts';
import { formatProblem, ok, type Result } from '../data/result.ts';
import type { Story } from '../data/story.ts';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { el } from './dom.ts';
import type { Strings } from './strings.ts';

/** Fetches a file of data/ and parses it (the app's loader; messages name `data/FILE`). */
export type DataLoad = <T>(file: string, parse: (data: unknown, file: string) => Result<T>) => Promise<Result<T>>;

export interface DataView {
  dateIso: string;
  /** The date's snapshot file in data/snapshots/: the date's map as a download. */
  snapshotFile: string;
  lang: Lang;
  licence: Story['licence'];
}

export class DataPanel {
  readonly #details: HTMLDetailsElement;
  readonly #body: HTMLElement;
  readonly #dataBase: string;
  readonly #loadFile: DataLoad;
  #index: Result<Downloads> | null = null;
  #loading = false;
  #view: { v: DataView; t: Strings } | null = null;

  /**
   * Fills `details` (data-shell.ts) below its summary. `dataBase`: the URL of data/, ending
   * in /; `load` fetches and parses a file of it: downloads/index.json, at once if `details` is open.
   * `prepared`: the site has downloads (files.json lists their index); else the snapshot files are offered.
   */
  constructor(details: HTMLDetailsElement, dataBase: string, load: DataLoad, prepared = true) {
    this.#dataBase = dataBase;
    if (!prepared) this.#index = ok({ sources: null, csv: null, events: null, licence: null });
    this.#loadFile = load;
    this.#body = el('div', { class: 'data-body' });
    this.#details = details;
    details.append(this.#body);
    details.addEventListener('toggle', () => { if (details.open) void this.#load(); });
    if (details.open) void this.#load();
  }

  /** Redraws for the shown date and language. */
  update(v: DataView, t: Strings): void {
    this.#view = { v, t };
    this.#draw();
  }

  async #load(): Promise<void> {
    if (this.#index || this.#loading) return;
    this.#loading = true;
    this.#draw();
    this.#index = await this.#loadFile('downloads/index.json', parseDownloads);
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
    const index = this.#index.ok ? this.#index.value : null;
    const items = [
      link(`${this.#dataBase}snapshots/${v.snapshotFile}`, downloadName.geojson(v.dateIso), mapLabel),
      index?.sources ? link(dir + index.sources, index.sources, t.dataSources) : null,
      index?.csv ? link(dir + index.csv, index.csv, t.dataAreas) : null,
      index?.events ? link(dir + index.events, index.events, t.dataEvents) : null,
      index?.licence ? link(dir + index.licence, index.licence, t.dataLicence) : null,
    ];
    const notes = [this.#index.ok ? null : el('p', { class: 'data-note' }, this.#index.problems.map(formatProblem).join('; '))];
    this.#body.replaceChildren(el('ul', { class: 'data-list' }, ...items), ...notes.filter((n) => n !== null), licence);
  }
}

