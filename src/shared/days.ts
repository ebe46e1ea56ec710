/**
 * Day arithmetic, in one place: dates are ISO days (YYYY-MM-DD, UTC), counted as days since
 * 1970-01-01 in typed columns, and as epoch milliseconds where a scale needs time.
 */
export const DAY_MS = 86_400_000;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch milliseconds of the start of an ISO day (UTC). */
export const timeOfIso = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
/** The ISO day an epoch time falls on (UTC). */
export const isoOfTime = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Days since 1970-01-01 of an ISO day. */
export const dayOf = (iso: string): number => Math.round(timeOfIso(iso) / DAY_MS);
/** The ISO day of a day number. */
export const isoOfDay = (day: number): string => isoOfTime(day * DAY_MS);

/** The ISO day `n` days after (or before) another. */
export const addDays = (iso: string, n: number): string => isoOfDay(dayOf(iso) + n);

/** Whether a string is a real calendar day in ISO form ("2016-02-30" is not). */
export function isIsoDay(s: string): boolean {
  return ISO_DAY.test(s) && !Number.isNaN(timeOfIso(s)) && isoOfTime(timeOfIso(s)) === s;
}
