/**
 * Date expressions resolved against the publication date with news conventions, on top of
 * chrono-node's parser: a bare weekday is the most recent one (on or before publication), a day or
 * month without a year is the most recent past one, "last month" / "earlier this month" are ranges.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../shared/schema.ts';

export interface ResolvedDate {
  date: string;
  dateEnd?: string;
  precision: DatePrecision;
  /** Offsets of the expression within the searched text. */
  start: number;
  end: number;
  text: string;
}

const DAY = 86_400_000;

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(iso: string, days: number): string {
  return isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY));
}

function monthEnd(y: number, m: number): string {
  return isoDay(utc(y, m + 1, 0));
}

/** True when `iso` is a real calendar day written as YYYY-MM-DD. */
export function isValidIsoDay(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(t) && isoDay(new Date(t)) === iso;
}

/** Spans chrono misreads in English news: the modal "may", "march" the verb, "now", bare times. */
function isNoise(r: chrono.ParsedResult): boolean {
  const text = r.text.trim();
  if (/^(may|march)$/.test(text) || /^now$/i.test(text)) return true;
  return !(['year', 'month', 'day', 'weekday'] as const).some((k) => r.start.isCertain(k));
}

/**
 * Finds and resolves the date expressions in `text`, relative to `published` (YYYY-MM-DD).
 * Returned in order of appearance.
 */
export function resolveDates(text: string, published: string): ResolvedDate[] {
  const refTime = Date.parse(`${published}T12:00:00Z`);
  const ref = new Date(refTime);
  const [py, pm] = [ref.getUTCFullYear(), ref.getUTCMonth() + 1];
  const out: ResolvedDate[] = [];
  const results = chrono.en.casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  for (const r of results) {
    if (isNoise(r)) continue;
    const s = r.start;
    const span = { start: r.index, end: r.index + r.text.length, text: r.text };
    const lower = r.text.toLowerCase();
    const before = text.slice(Math.max(0, r.index - 12), r.index).toLowerCase();
    const year = s.get('year') ?? py;
    const month = s.get('month') ?? pm;
    const day = s.get('day') ?? 1;

    if (/\bweeks? ago\b|\bpast (few )?weeks\b/.test(lower)) {
      const d = isoDay(utc(year, month, day));
      out.push({ ...span, date: addDays(d, -3), dateEnd: addDays(d, 3), precision: 'week' });
    } else if (/\bdays? ago\b/.test(lower)) {
      out.push({ ...span, date: isoDay(utc(year, month, day)), precision: 'day' });
    } else if (/\b(this|last) week\b/.test(lower)) {
      const end = /last/.test(lower) ? addDays(published, -7) : published;
      out.push({ ...span, date: addDays(end, -6), dateEnd: end, precision: 'week' });
    } else if (/\bthis month\b/.test(lower)) {
      // "earlier this month": from the 1st up to publication.
      const first = isoDay(utc(py, pm, 1));
      out.push({
        ...span,
        date: first,
        dateEnd: /earlier\s*$/.test(before) ? addDays(published, -1) : monthEnd(py, pm),
        precision: 'month',
      });
    } else if (s.isCertain('day') && s.isCertain('month')) {
      let y = s.isCertain('year') ? year : py;
      if (!s.isCertain('year') && isoDay(utc(y, month, day)) > published) y -= 1;
      out.push({ ...span, date: isoDay(utc(y, month, day)), precision: 'day' });
    } else if (s.isCertain('weekday') && !s.isCertain('day')) {
      const wd = s.get('weekday') ?? 0;
      const back = (ref.getUTCDay() - wd + 7) % 7;
      out.push({ ...span, date: addDays(published, -back), precision: 'day' });
    } else if (s.isCertain('month')) {
      let y = s.isCertain('year') ? year : py;
      if (!s.isCertain('year') && (y > py || (y === py && month > pm))) y -= 1;
      out.push({ ...span, date: isoDay(utc(y, month, 1)), dateEnd: monthEnd(y, month), precision: 'month' });
    } else if (s.isCertain('year')) {
      out.push({ ...span, date: `${year}-01-01`, dateEnd: `${year}-12-31`, precision: 'year' });
    }
  }
  // News reports what has happened: a date after publication is a misreading ("a week after a
  // meeting" read as publication + 7 days); drop it so the expression is reported as unresolved.
  return out.filter((d) => d.date <= published);
}

/**
 * Reads a publication date from a date line near the top of an article ("By X - 16 Feb '16 12:41PM",
 * "Middle East Eye 1 November 2016"). Only full dates (day, month and year) count.
 */
export function findDateLine(text: string): string | undefined {
  const head = text.split('\n').slice(0, 20);
  for (const line of head) {
    if (line.length > 200) continue;
    // Two-digit years after an apostrophe ('16) are common in bylines; chrono needs four digits.
    const expanded = line.replace(/'(\d{2})\b/g, '20$1');
    for (const r of chrono.en.parse(expanded, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })) {
      const s = r.start;
      if (s.isCertain('year') && s.isCertain('month') && s.isCertain('day')) {
        return isoDay(utc(s.get('year') ?? 0, s.get('month') ?? 1, s.get('day') ?? 1));
      }
    }
  }
  return undefined;
}
