/** The notices the panel shows: what was dropped or cannot be shown, and why. Pure. */
import type { Issue } from '../shared/schema.ts';
import { MAX_SEARCHED_ARTICLES } from './search-context.ts';

export interface NoticeInputs {
  /** Invalid link parameters, already worded. */
  urlNotices: readonly string[];
  /** Events of the data file left out, and why. */
  dropped?: { count: number; reasons: Issue[] };
  /** Events left out because their details file entries break the contract. */
  badDetails?: { count: number; reasons: Issue[] };
  /** The linked event id when the loaded data does not have it. */
  missingEvent: string | null;
  /** A search is on but passages are not searched (too many articles). */
  searchWithoutPassages: boolean;
  /** A search waits for the search index of a large table: how much is built (0 to 1). */
  searchIndexing?: { done: number; events: number } | null;
}

const reasons = (issues: Issue[]) => issues.map((r) => `${r.path}: ${r.message}`).join('; ');

export function notices(i: NoticeInputs): string[] {
  const out = [...i.urlNotices];
  if (i.dropped?.count)
    out.push(
      `${i.dropped.count} invalid event(s) in the data file were left out: ${reasons(i.dropped.reasons)}`,
    );
  if (i.missingEvent) out.push(`The linked event “${i.missingEvent}” is not in this data set.`);
  if (i.badDetails?.count)
    out.push(
      `${i.badDetails.count} event(s) have invalid details and were left out: ${reasons(i.badDetails.reasons)}`,
    );
  if (i.searchIndexing)
    out.push(
      `Searching ${i.searchIndexing.events.toLocaleString('en')} events: ${Math.floor(i.searchIndexing.done * 100)} %…`,
    );
  if (i.searchWithoutPassages)
    out.push(
      `Search covers summaries, places and actors: passages are searched for up to ${MAX_SEARCHED_ARTICLES} articles.`,
    );
  return out;
}
