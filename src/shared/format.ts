/** Display formats shared by the panel and the list. */
import type { ConflictEvent, DatePrecision } from './schema.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A date at its precision: "August 2016" is never shown as a day. */
export function formatEventDate(e: Pick<ConflictEvent, 'date' | 'dateEnd' | 'datePrecision'>): string {
  const p: DatePrecision = e.datePrecision;
  const [y, m] = e.date.split('-').map(Number);
  if (p === 'year') return `${y}`;
  if (p === 'month') {
    const end = e.dateEnd?.slice(0, 7);
    const label = `${MONTHS[(m ?? 1) - 1]} ${y}`;
    return end && end !== e.date.slice(0, 7)
      ? `${label} – ${formatEventDate({ date: e.dateEnd ?? e.date, datePrecision: 'month' })}`
      : label;
  }
  if (p === 'week')
    return e.dateEnd ? `week of ${day(e.date)} – ${day(e.dateEnd)}` : `week of ${day(e.date)}`;
  return e.dateEnd && e.dateEnd !== e.date ? `${day(e.date)} – ${day(e.dateEnd)}` : day(e.date);
}

export function formatDay(iso: string): string {
  return day(iso);
}

/** A count with its noun, in English: "1 event", "12,345 events". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}

/**
 * How far an event's sources corroborate it, honestly: passages of one article are one report, and
 * articles of one outlet one voice ("2 passages in 1 article", "3 articles from 2 outlets").
 */
export function sourcesLabel(
  sources: { articleId: string }[],
  outletOf: (articleId: string) => string | null,
): string {
  const articles = new Set(sources.map((s) => s.articleId));
  const outlets = new Set([...articles].map((a) => outletOf(a) ?? a));
  const what =
    sources.length === articles.size
      ? countOf(articles.size, 'article')
      : `${countOf(sources.length, 'passage')} in ${countOf(articles.size, 'article')}`;
  return outlets.size < articles.size ? `${what} from ${countOf(outlets.size, 'outlet')}` : what;
}
