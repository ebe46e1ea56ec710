/**
 * How one piece of shareable state is written in the URL: its parameter (public: the README's table of
 * links), a decoder that returns undefined for an invalid value (dropped with a notice, never thrown)
 * and an encoder (null leaves the parameter out). The codecs several keys share are here.
 */
import { isIsoDay } from '../shared/days.ts';

export interface Codec<T> {
  param: string;
  /** Push a history entry when it changes (discrete), or replace the current one (continuous). */
  push?: boolean;
  /** `pageHref` resolves relative values (the data file's address). */
  decode: (raw: string, pageHref: string) => T | undefined;
  encode: (value: T) => string | null;
}

/** An id in a link: event, actor, type and article ids. */
export const ID = /^[A-Za-z0-9_-]{1,80}$/;

/** Up to 100 ids, comma-separated. */
export const idList = (param: string): Codec<string[]> => ({
  param,
  decode: (raw) => {
    const ids = raw.split(',').filter(Boolean);
    return ids.length > 0 && ids.length <= 100 && ids.every((i) => ID.test(i)) ? ids : undefined;
  },
  encode: (v) => (v.length ? v.join(',') : null),
});

/** An ISO day, or nothing. */
export const isoDay = (param: string): Codec<string | null> => ({
  param,
  decode: (raw) => (isIsoDay(raw) ? raw : undefined),
  encode: (v) => v,
});
