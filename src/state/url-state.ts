/**
 * The shareable state and its URL form: one table, each key with its parameter, a decoder (invalid →
 * dropped with a notice, never thrown) and an encoder. The compiler checks the table is complete.
 * The map view lives in the hash (#zoom/lat/lng), read and written by MapLibre's `hash` option.
 */

import type { ColorMode } from '../data/color-keys.ts';
import { DATA_PARAM, decodeDataUrl } from '../data/data-url.ts';
import { isIsoDay } from '../shared/days.ts';
import { type PlacePrecision, placePrecisions } from '../shared/schema.ts';
import { type Filters, NO_FILTERS } from './store.ts';

export interface ShareableState extends Filters {
  event: string | null;
  data: string | null;
  color: ColorMode;
}

interface Codec<T> {
  param: string;
  /** Push a history entry when it changes (discrete), or replace the current one (continuous). */
  push?: boolean;
  /** `pageHref` resolves relative values (the data file's address). */
  decode: (raw: string, pageHref: string) => T | undefined;
  encode: (value: T) => string | null;
}

const ID = /^[A-Za-z0-9_-]{1,80}$/;

const idList: Codec<string[]> = {
  param: '',
  decode: (raw) => {
    const ids = raw.split(',').filter(Boolean);
    return ids.length > 0 && ids.length <= 100 && ids.every((i) => ID.test(i)) ? ids : undefined;
  },
  encode: (v) => (v.length ? v.join(',') : null),
};

const day = (param: string): Codec<string | null> => ({
  param,
  decode: (raw) => (isIsoDay(raw) ? raw : undefined),
  encode: (v) => v,
});

export const urlSchema: { [K in keyof ShareableState]: Codec<ShareableState[K]> } = {
  event: { param: 'event', push: true, decode: (raw) => (ID.test(raw) ? raw : undefined), encode: (v) => v },
  data: { param: DATA_PARAM, decode: decodeDataUrl, encode: (v) => v },
  from: day('from'),
  to: day('to'),
  actors: { ...idList, param: 'actors' },
  types: { ...idList, param: 'types' },
  q: { param: 'q', decode: (raw) => (raw.length <= 200 ? raw : undefined), encode: (v) => v || null },
  precisions: {
    param: 'precision',
    decode: (raw) => {
      const list = raw.split(',').filter(Boolean);
      return list.length && list.every((p) => (placePrecisions as readonly string[]).includes(p))
        ? (list as PlacePrecision[])
        : undefined;
    },
    encode: (v) => (v.length ? v.join(',') : null),
  },
  outlets: {
    param: 'outlets',
    decode: (raw) => {
      const list = raw.split('|').filter(Boolean);
      return list.length && list.length <= 50 && list.every((o) => o.length <= 100) ? list : undefined;
    },
    encode: (v) => (v.length ? v.join('|') : null),
  },
  articles: { ...idList, param: 'articles' },
  color: {
    param: 'color',
    decode: (raw) => (raw === 'type' || raw === 'actor' ? raw : undefined),
    encode: (v) => (v === 'type' ? null : v),
  },
};

export const DEFAULT_STATE: ShareableState = { ...NO_FILTERS, event: null, data: null, color: 'type' };

export interface DecodedUrl {
  state: ShareableState;
  notices: string[];
}

const KEYS = Object.keys(urlSchema) as (keyof ShareableState)[];

/** `pageHref`: the page's address, against which a relative ?data= is resolved. */
export function decodeSearch(search: string, pageHref: string): DecodedUrl {
  const params = new URLSearchParams(search);
  const state: ShareableState = { ...DEFAULT_STATE };
  const notices: string[] = [];
  for (const key of KEYS) {
    const codec = urlSchema[key] as Codec<unknown>;
    const raw = params.get(codec.param);
    if (raw === null) continue;
    const value = codec.decode(raw, pageHref);
    if (value === undefined) notices.push(`Ignored the invalid “${codec.param}” parameter in the link.`);
    else (state as unknown as Record<string, unknown>)[key] = value;
  }
  if (state.from && state.to && state.from > state.to) {
    notices.push('Ignored a date range that ends before it starts.');
    state.from = null;
    state.to = null;
  }
  return { state, notices };
}

/** The search string for a state, keeping parameters this app does not own, in a stable order. */
export function encodeSearch(current: string, state: Partial<ShareableState>): string {
  const params = new URLSearchParams(current);
  for (const key of KEYS) {
    if (!(key in state)) continue;
    const codec = urlSchema[key] as Codec<unknown>;
    const value = state[key];
    const encoded = value === null || value === undefined ? null : codec.encode(value);
    if (encoded === null || encoded === '') params.delete(codec.param);
    else params.set(codec.param, encoded);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether going from one state to another should push a history entry. */
export function isDiscreteChange(a: Partial<ShareableState>, b: Partial<ShareableState>): boolean {
  return KEYS.some((k) => urlSchema[k].push && a[k] !== b[k]);
}
