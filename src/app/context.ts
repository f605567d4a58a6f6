/** What every view of the app is given: the store, the map, the core data and the page. */
import type { Map as MlMap } from 'maplibre-gl';
import type { Messages } from '../ui/messages.ts';
import type { AppConfig } from './app.ts';
import type { Core, Load } from './boot.ts';
import type { AppState } from './state.ts';
import type { Store } from './store.ts';

export interface AppContext {
  store: Store<AppState>;
  map: MlMap;
  mapEl: HTMLElement;
  core: Core;
  config: AppConfig;
  messages: Messages;
  load: Load;
  dataBase: string;
}

/** An element of the page, or null when this page (e.g. an embed) does not have it. */
export const $ = <T extends HTMLElement = HTMLElement>(sel: string): T | null => document.querySelector<T>(sel);
