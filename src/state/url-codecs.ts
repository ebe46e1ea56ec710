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

/** A list of items joined by `separator`: at most `max` items, each passing `valid`. */
export const listOf = <T extends string>(
  param: string,
  separator: string,
  valid: (item: string) => boolean,
  max: number,
): Codec<T[]> => ({
  param,
  decode: (raw) => {
    const items = raw.split(separator).filter(Boolean);
    return items.length > 0 && items.length <= max && items.every(valid) ? (items as T[]) : undefined;
  },
  encode: (v) => (v.length ? v.join(separator) : null),
});

/** Up to 100 ids, comma-separated. */
export const idList = (param: string): Codec<string[]> => listOf(param, ',', (i) => ID.test(i), 100);

/** An ISO day, or nothing. */
export const isoDay = (param: string): Codec<string | null> => ({
  param,
  decode: (raw) => (isIsoDay(raw) ? raw : undefined),
  encode: (v) => v,
});
