/**
 * The shareable state and its URL form: one table, each key with its parameter, a decoder (invalid →
 * dropped with a notice, never thrown) and an encoder. The compiler checks the table is complete; the
 * filters' entries come from the filter table (filter-table.ts).
 * The map view lives in the hash (#zoom/lat/lng), read and written by MapLibre's `hash` option.
 */

import type { ColorMode } from '../data/color-keys.ts';
import { DATA_PARAM, decodeDataUrl } from '../data/data-url.ts';
import { FILTER_KEYS, FILTERS, type Filters, NO_FILTERS } from './filter-table.ts';
import { type Codec, ID } from './url-codecs.ts';

export interface ShareableState extends Filters {
  event: string | null;
  data: string | null;
  color: ColorMode;
  /** The compact view for an iframe (?embed=1). The page's mode, not a view: links people share drop it. */
  embed: boolean;
}

/** The filters' codecs, from the filter table. */
const filterCodecs = Object.fromEntries(FILTER_KEYS.map((k) => [k, FILTERS[k].url])) as {
  [K in keyof Filters]: Codec<Filters[K]>;
};

export const urlSchema: { [K in keyof ShareableState]: Codec<ShareableState[K]> } = {
  event: { param: 'event', push: true, decode: (raw) => (ID.test(raw) ? raw : undefined), encode: (v) => v },
  data: { param: DATA_PARAM, decode: decodeDataUrl, encode: (v) => v },
  ...filterCodecs,
  color: {
    param: 'color',
    decode: (raw) => (raw === 'type' || raw === 'actor' ? raw : undefined),
    encode: (v) => (v === 'type' ? null : v),
  },
  embed: {
    param: 'embed',
    decode: (raw) => (raw === '1' ? true : undefined),
    encode: (v) => (v ? '1' : null),
  },
};

export const DEFAULT_STATE: ShareableState = {
  ...NO_FILTERS,
  event: null,
  data: null,
  color: 'type',
  embed: false,
};

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
