/**
 * Day arithmetic, in one place: dates are ISO days (YYYY-MM-DD, UTC), counted as days since
 * 1970-01-01 in typed columns, and as epoch milliseconds where a scale needs time.
 */
export const DAY_MS = 86_400_000;

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
export const isIsoDay = (s: string): boolean => !Number.isNaN(dayOfIsoChecked(s));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * Days since 1970-01-01 of an ISO day (YYYY-MM-DD), or NaN when the string is not a real calendar day.
 * Read from the characters (no Date): a million events' dates are checked and counted in milliseconds.
 */
export function dayOfIsoChecked(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(s, i);
    if (d < 0 || d > 9) return Number.NaN;
    y = y * 10 + d;
  }
  const m1 = digit(s, 5);
  const m2 = digit(s, 6);
  const d1 = digit(s, 8);
  const d2 = digit(s, 9);
  if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 3 || d2 < 0 || d2 > 9) return Number.NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return Number.NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number))) return Number.NaN;
  // Days from the civil date (H. Hinnant's algorithm), on the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
