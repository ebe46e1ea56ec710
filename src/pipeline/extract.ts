/**
 * From one article to candidate events: one per sentence that reports a happening (an event-type
 * trigger outside a hypothetical) at a resolved place. Also collects what the report tells a user:
 * sentences with a place but no event, unresolved names, dates that could not be resolved.
 */
import { createHash } from 'node:crypto';
import type { Article, DatePrecision, Place, PlacePrecision } from '../shared/schema.ts';
import type { ActorCoder, ActorMention } from './actors.ts';
import { addDays, type ResolvedDate, resolveDates } from './dates.ts';
import type { EventTypeEntry } from './dictionaries.ts';
import type { Gazetteer } from './gazetteer.ts';
import { geoparse, type PlaceMention } from './geoparse.ts';
import { splitSentences } from './segment.ts';
import {
  CARRY_ON_BEFORE,
  DETERMINER_BEFORE,
  escapeRegExp,
  INFINITIVE_BEFORE,
  MODAL_AFTER,
  MODAL_BEFORE,
  NOUN_TRIGGER,
  SPEECH_PLACE_BEFORE,
} from './text-rules.ts';

export interface Candidate {
  articleId: string;
  published: string;
  start: number;
  end: number;
  key: string;
  type: string;
  subtype: string;
  summary: string;
  date: string;
  dateEnd?: string;
  datePrecision: DatePrecision;
  /** True when no date expression was found and the event is dated by its article. */
  undated: boolean;
  place: Place;
  actors: string[];
}

export interface ArticleFindings {
  candidates: Candidate[];
  placeNoEvent: { articleId: string; sentence: string }[];
  unresolved: { articleId: string; name: string; reason: string; sentence: string }[];
  undated: { articleId: string; sentence: string }[];
  /** Time expressions the date resolver could not turn into a date ("a week after", "in recent days"). */
  unresolvedDates: { articleId: string; expression: string; sentence: string }[];
}

/** Findings with nothing in them yet. */
export function emptyFindings(): ArticleFindings {
  return { candidates: [], placeNoEvent: [], unresolved: [], undated: [], unresolvedDates: [] };
}

export interface Extractor {
  extract(article: Article): ArticleFindings;
  /** The place mentions of a text, as the geoparse command prints them. */
  places(article: Pick<Article, 'text' | 'outlet' | 'author'>): PlaceMention[];
}

const PRECISION_RANK: Record<PlacePrecision, number> = {
  exact: 0,
  district: 1,
  town: 2,
  region: 3,
  country: 4,
};
const ROLE_RANK = { site: 0, origin: 1, reference: 2, aside: 3, metonym: 4, demonym: 5 } as const;

/** The passage key: stable for the same words in the same article, whatever offsets they move to. */
export function passageKey(articleId: string, passage: string): string {
  const norm = passage.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha1').update(`${articleId}\n${norm}`).digest('hex').slice(0, 12);
}

function compileTriggers(types: EventTypeEntry[]) {
  return types.flatMap((t) =>
    t.subtypes.map((s) => ({
      type: t.id,
      subtype: s.id,
      res: s.triggers.map((w) => new RegExp(`(?<![\\p{L}])${escapeRegExp(w)}`, 'giu')),
    })),
  );
}

const WORD_AT = /^[\p{L}-]+/u;

/** Words that say "when" without a date the resolver understood: reported, not guessed. */
const TIME_HINT =
  /\b(?:(?:a|one|two|three|several|a few) (?:days?|weeks?|months?) (?:after|before|later|earlier)|in recent (?:days|weeks|months)|recently|overnight|the day before|the following (?:day|week))\b/gi;

/** Whether a trigger at `at` reports something that happened (not a plan, a quote or a name). */
function isReport(s: string, at: number, before: string, type: string): boolean {
  if (MODAL_BEFORE.test(before)) return false;
  if (MODAL_AFTER.test(s.slice(at))) return false;
  if (type !== 'diplomacy' && INFINITIVE_BEFORE.test(before)) return false;
  const word = WORD_AT.exec(s.slice(at))?.[0] ?? '';
  if (
    type !== 'diplomacy' &&
    NOUN_TRIGGER.test(word) &&
    DETERMINER_BEFORE.test(before) &&
    !CARRY_ON_BEFORE.test(before)
  )
    return false;
  // Inside quotation marks it is a claim someone made: the speech around it is the event.
  return !insideQuotes(s.slice(0, at));
}

/** Whether the end of `prefix` (a sentence up to some point) lies inside quotation marks. */
function insideQuotes(prefix: string): boolean {
  return (prefix.match(/["“”]/g) ?? []).length % 2 === 1;
}

/** A heading or caption line: no sentence punctuation at its end. */
function isHeading(s: string): boolean {
  return !/[.!?"”’')]$/.test(s.trim());
}

export function createExtractor(opts: {
  gazetteer: Gazetteer;
  actors: ActorCoder;
  actorCountry: (id: string) => string | undefined;
  eventTypes: EventTypeEntry[];
}): Extractor {
  const triggers = compileTriggers(opts.eventTypes);
  const typeOrder = opts.eventTypes.map((t) => t.id);

  /**
   * The sentence's event type: among the triggers that report something, a longer trigger hides a
   * shorter one inside it ("drone attack" over "attack"), then the most violent type wins.
   */
  function classify(s: string): { type: string; subtype: string; ats: number[] } | null {
    const hits: { type: string; subtype: string; rank: number; at: number; end: number }[] = [];
    for (const t of triggers) {
      const rank = typeOrder.indexOf(t.type);
      for (const re of t.res) {
        re.lastIndex = 0;
        for (let m = re.exec(s); m; m = re.exec(s)) {
          const before = s.slice(Math.max(0, m.index - 60), m.index);
          if (t.type !== 'statement' && !isReport(s, m.index, before, t.type)) continue;
          hits.push({ type: t.type, subtype: t.subtype, rank, at: m.index, end: m.index + m[0].length });
        }
      }
    }
    const kept = hits.filter(
      (h) => !hits.some((o) => o !== h && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at),
    );
    const best = kept.sort((x, y) => x.rank - y.rank || x.at - y.at)[0];
    // Every position of the chosen type's triggers: a place may belong to any of them.
    return best
      ? {
          type: best.type,
          subtype: best.subtype,
          ats: kept.filter((h) => h.type === best.type).map((h) => h.at),
        }
      : null;
  }

  function placesOf(article: Pick<Article, 'text' | 'outlet' | 'author'>, actorMentions: ActorMention[]) {
    const { text } = article;
    const masks: [number, number][] = [];
    for (const name of [article.outlet, article.author]) {
      if (!name) continue;
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
        masks.push([i, i + name.length]);
    }
    return geoparse(text, { gazetteer: opts.gazetteer, actorMentions, extraMasks: masks });
  }

  function toPlace(m: PlaceMention): Place | null {
    const e = m.entry;
    if (!e) return null;
    return {
      name: e.name,
      lat: e.lat,
      lon: e.lon,
      country: e.country,
      ...(e.admin1 ? { admin1: e.admin1 } : {}),
      precision: e.precision,
      gazetteerId: e.id,
    };
  }

  return {
    places: (article) => placesOf(article, opts.actors.find(article.text)),
    extract(article) {
      const findings = emptyFindings();
      const actorMentions = opts.actors.find(article.text);
      const mentions = placesOf(article, actorMentions);
      const sentences = splitSentences(article.text);
      let lastDate: { paragraph: number; date: ResolvedDate } | null = null;

      for (const s of sentences) {
        const inside = <T extends { start: number; end: number }>(x: T) =>
          x.start >= s.start && x.end <= s.end;
        const places = mentions.filter(inside);
        for (const p of places) {
          if (!p.entry)
            findings.unresolved.push({
              articleId: article.id,
              name: p.text,
              reason: p.reason ?? '',
              sentence: s.text,
            });
        }
        const dates = resolveDates(s.text, article.published).filter(
          // "since late February" starts a duration, not the date of what is reported.
          (d) =>
            !/\bsince\s+(?:the\s+)?(?:early|late|mid-?)?\s*$/i.test(
              s.text.slice(Math.max(0, d.start - 20), d.start),
            ),
        );
        if (dates[0]) lastDate = { paragraph: s.paragraph, date: dates[0] };
        for (const m of s.text.matchAll(TIME_HINT)) {
          const at = m.index ?? 0;
          if (!dates.some((d) => d.start <= at + m[0].length && d.end >= at)) {
            findings.unresolvedDates.push({ articleId: article.id, expression: m[0], sentence: s.text });
          }
        }
        if (isHeading(s.text)) continue;
        // A place in a hypothetical ("potential preparation for an incursion into Mosul") is not where it happened.
        const resolved = places.filter(
          (p) => p.entry && !MODAL_BEFORE.test(article.text.slice(Math.max(s.start, p.start - 60), p.start)),
        );
        const kind = classify(s.text);
        if (!kind) {
          if (resolved.length) findings.placeNoEvent.push({ articleId: article.id, sentence: s.text });
          continue;
        }
        const unquoted = resolved.filter((p) => !insideQuotes(article.text.slice(s.start, p.start)));
        const talkType = kind.type === 'statement' || kind.type === 'diplomacy';
        const spoken = unquoted.filter((p) =>
          SPEECH_PLACE_BEFORE.test(article.text.slice(Math.max(s.start, p.start - 60), p.start)),
        );
        const chosen = choosePlace(
          talkType ? spoken : resolved,
          kind.type,
          kind.ats.map((a) => s.start + a),
        );
        if (!chosen) continue;
        const place = toPlace(chosen);
        if (!place) continue;
        const actors = [...new Set(actorMentions.filter(inside).map((a) => a.actorId))];
        if (actors.length === 0 && talkType) continue;

        let date: ResolvedDate | undefined = dates[0];
        if (!date && lastDate && lastDate.paragraph === s.paragraph) date = lastDate.date;
        const undated = !date;
        if (undated) findings.undated.push({ articleId: article.id, sentence: s.text });
        findings.candidates.push({
          articleId: article.id,
          published: article.published,
          start: s.start,
          end: s.end,
          key: passageKey(article.id, s.text),
          type: kind.type,
          subtype: kind.subtype,
          summary: summarize(s.text),
          // Undated: some time in the week up to publication.
          date: date?.date ?? addDays(article.published, -6),
          ...(date?.dateEnd ? { dateEnd: date.dateEnd } : undated ? { dateEnd: article.published } : {}),
          datePrecision: date?.precision ?? 'week',
          undated,
          place,
          actors,
        });
      }
      return findings;
    },
  };
}

/**
 * The event's place: a site over an origin over a reference point, then the most precise. Talk
 * happens where people meet: for statements and diplomacy only a place introduced by a preposition
 * close to the verb counts ("told reporters in Istanbul", "flew to Moscow").
 */
function choosePlace(places: PlaceMention[], type: string, triggers: number[]): PlaceMention | undefined {
  const talk = type === 'statement' || type === 'diplomacy';
  // Nearest to a trigger, places after it first ("moving on the town of Tal Afar").
  const near = (p: PlaceMention) =>
    Math.min(...triggers.map((t) => (p.start >= t ? p.start - t : t - p.end + 40)));
  // A place in an aside ("a truce agreed in Stockholm") is never where the reported thing happened.
  const usable = places.filter((p) => (p.role === 'site' || p.role === 'origin' || p.role === 'reference') && (!talk || (p.locative && near(p) < 60)));
  // A precise place beats a country or region ("the district of Kokjali … inside Mosul" stays Kokjali).
  const coarse = (p: PlaceMention) =>
    PRECISION_RANK[p.entry?.precision ?? 'country'] >= PRECISION_RANK.region ? 1 : 0;
  return [...usable].sort(
    (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || coarse(a) - coarse(b) || near(a) - near(b),
  )[0];
}

function summarize(sentence: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  return s.length > 240 ? `${s.slice(0, 239).replace(/\s\S*$/, '')}…` : s;
}
