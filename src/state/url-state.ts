/**
 * The shareable state and its URL form. Each key: its parameter, how to decode (invalid → dropped
 * with a notice, never thrown) and encode. The map view lives in the hash (#zoom/lat/lng), which
 * MapLibre's own `hash` option reads and writes.
 */
export interface ShareableState {
  event: string | null;
  data: string | null;
}

interface Codec<T> {
  param: string;
  decode: (raw: string) => T | undefined;
  encode: (value: T) => string | null;
}

const EVENT_ID = /^[A-Za-z0-9_-]{1,80}$/;

export const urlSchema: { [K in keyof ShareableState]: Codec<ShareableState[K]> } = {
  event: { param: 'event', decode: (raw) => (EVENT_ID.test(raw) ? raw : undefined), encode: (v) => v },
  data: {
    param: 'data',
    // Same-origin paths or https URLs only: a data file is fetched, never executed.
    decode: (raw) => {
      try {
        const u = new URL(raw, window.location.href);
        if (u.origin === window.location.origin || u.protocol === 'https:') return u.href;
      } catch {
        /* invalid URL: dropped below */
      }
      return undefined;
    },
    encode: (v) => v,
  },
};

export interface DecodedUrl {
  state: ShareableState;
  notices: string[];
}

export function decodeSearch(search: string): DecodedUrl {
  const params = new URLSearchParams(search);
  const state: ShareableState = { event: null, data: null };
  const notices: string[] = [];
  for (const key of Object.keys(urlSchema) as (keyof ShareableState)[]) {
    const codec = urlSchema[key];
    const raw = params.get(codec.param);
    if (raw === null) continue;
    const value = codec.decode(raw);
    if (value === undefined) notices.push(`Ignored the invalid “${codec.param}” parameter in the link.`);
    else state[key] = value;
  }
  return { state, notices };
}

/** The search string for a state, keeping parameters this app does not own. */
export function encodeSearch(current: string, state: Partial<ShareableState>): string {
  const params = new URLSearchParams(current);
  for (const key of Object.keys(state) as (keyof ShareableState)[]) {
    const codec = urlSchema[key];
    const value = state[key];
    const encoded =
      value == null ? null : (codec.encode as (v: NonNullable<typeof value>) => string | null)(value);
    if (encoded === null) params.delete(codec.param);
    else params.set(codec.param, encoded);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
