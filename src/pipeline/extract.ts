/**
 * From one article to candidate events, the ACLED way: a sentence that reports a happening (a codebook
 * trigger that is not negated, planned, conditional, habitual, background or quoted) at a site gives
 * one candidate, typed by its trigger and the actors around it, with who acted on whom, the date
 * anchored in that sentence or carried from its context, and the fatalities it states.
 * Also collects what the report tells a user: background statements, sentences with a place but no
 * event, unresolved names and dates.
 */
import type { Actor, Article, DatePrecision, Place } from '../shared/schema.ts';
import type { ActorCoder, ActorMention } from './actors.ts';
import type { Checkpoint } from './budget.ts';
import { codebookRules, type PhraseHit, type TriggerValue, triggerMatcher } from './codebook.ts';
import { addDays, type ResolvedDate, resolveDates } from './dates.ts';
import type { ActorTypeEntry, EventTypeEntry } from './dictionaries.ts';
import { choosePlace, HOME_AFTER, HOME_BEFORE, refines, toPlace } from './event-place.ts';
import { type ActorRef, createActorRoles, roles, typeWithActors } from './event-roles.ts';
import { fatalitiesIn } from './fatalities.ts';
import type { Gazetteer } from './gazetteer.ts';
import { geoparse, type PlaceMention } from './geoparse.ts';
import { sha1Hex } from './hash.ts';
import type { Token } from './nlp.ts';
import { HISTORY_DAYS, insideQuotes, isOutcome, midpoint, notReported, RETOLD } from './report-rules.ts';
import { analyseInSteps, bySentence, datedBy, norm, summarize } from './sentence-walk.ts';
import { MODAL_BEFORE } from './text-rules.ts';

export interface Candidate {
  articleId: string;
  published: string;
  start: number;
  end: number;
  key: string;
  type: string;
  subtype: string;
  /** The type's group (seeds/event-types.yaml): types of one group can tell one happening. */
  group?: string;
  summary: string;
  date: string;
  dateEnd?: string;
  datePrecision: DatePrecision;
  /** True when no date expression was found and the event is dated by its article. */
  undated: boolean;
  place: Place;
  /** Actor ids: actor 1 (who acted) first, then actor 2 (on whom), then others named. */
  actors: string[];
  fatalities?: number;
  /** Told by the headline, which sums up what the body tells more exactly. */
  headline?: boolean;
  /** Told by its toll alone ("nine were killed"): an outcome of a happening, maybe one told already. */
  outcome?: boolean;
  /** Generic actors ("Police Forces of Nigeria") this candidate names, to add to the data file. */
  genericActors: Actor[];
}

export interface ArticleFindings {
  candidates: Candidate[];
  placeNoEvent: { articleId: string; sentence: string }[];
  /** Sentences with an event word that do not report an event: negated, planned, habitual, quoted. */
  background: { articleId: string; sentence: string; why: string }[];
  unresolved: { articleId: string; name: string; reason: string; sentence: string }[];
  undated: { articleId: string; sentence: string }[];
  /** Time expressions the date resolver could not turn into a date ("a week after", "in recent days"). */
  unresolvedDates: { articleId: string; expression: string; sentence: string }[];
}

/** Findings with nothing in them yet. */
export function emptyFindings(): ArticleFindings {
  return {
    candidates: [],
    placeNoEvent: [],
    background: [],
    unresolved: [],
    undated: [],
    unresolvedDates: [],
  };
}

export interface Extractor {
  /**
   * The findings of one article. `checkpoint` is called with the offset reached at each paragraph as
   * the text is parsed, after each whole-text pass and at each sentence of the walk; it may throw to
   * stop a runaway article (see budget.ts).
   */
  extract(article: Article, checkpoint?: Checkpoint): ArticleFindings;
  /** The place mentions of a text, as the geoparse command prints them. */
  places(article: Pick<Article, 'text' | 'outlet' | 'author'>): PlaceMention[];
}

/** The passage key: stable for the same words in the same article, whatever offsets they move to. */
export function passageKey(articleId: string, passage: string): string {
  const norm = passage.replace(/\s+/g, ' ').trim().toLowerCase();
  return sha1Hex(`${articleId}\n${norm}`).slice(0, 12);
}

/** Words that say "when" without a date the resolver understood: reported, not guessed. */
const TIME_HINT =
  /\b(?:(?:a|one|two|three|several|a few) (?:days?|weeks?|months?) (?:after|before|later|earlier)|in recent (?:days|weeks|months)|recently|overnight|the day before|the following (?:day|week))\b/gi;

export function createExtractor(opts: {
  gazetteer: Gazetteer;
  actors: ActorCoder;
  actorCountry: (id: string) => string | undefined;
  /** ACLED actor type of a dictionary actor. */
  actorType: (id: string) => string | undefined;
  eventTypes: EventTypeEntry[];
  actorTypes: ActorTypeEntry[];
}): Extractor {
  const triggers = triggerMatcher(opts.eventTypes);
  const codebook = codebookRules(opts.eventTypes, opts.actorTypes);
  const actorRoles = createActorRoles({ ...opts, codebook });
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

  return {
    places: (article) => placesOf(article, opts.actors.find(article.text)),
    extract(article, checkpoint) {
      const findings = emptyFindings();
      // Parsing first, a paragraph at a time: a runaway article is stopped inside it, before the
      // whole-text passes (actors, places) that a checkpoint cannot interrupt.
      const sentences = analyseInSteps(article.text, checkpoint);
      checkpoint?.(article.text.length);
      const actorMentions = opts.actors.find(article.text);
      checkpoint?.(article.text.length);
      const mentions = placesOf(article, actorMentions);
      let lastDate: ResolvedDate | null = null;
      let lastSite: { paragraph: number; mention: PlaceMention } | null = null;

      const title = norm(article.title);
      /** Event types already reported in this article. */
      const told = new Set<string>();
      let lastTold: { type: string; paragraph: number } | null = null;
      /** The last event told of each type, so a later sentence about it can say more exactly where. */
      const toldEvent = new Map<string, Candidate>();
      const placesBySentence = bySentence(mentions, sentences);
      const actorsBySentence = bySentence(actorMentions, sentences);
      for (const [si, s] of sentences.entries()) {
        checkpoint?.(s.start);
        // The headline: read like the lede it sums up; the lede, telling the same, joins its event.
        const headline =
          s.heading ||
          (sentences.length > 1 && s.paragraph === 0 && title.length > 0 && norm(s.text) === title);
        const places = placesBySentence[si] ?? [];
        for (const p of places)
          if (!p.entry)
            findings.unresolved.push({
              articleId: article.id,
              name: p.text,
              reason: p.reason ?? '',
              sentence: s.text,
            });
        const dates = resolveDates(s.text, article.published).filter(
          // "since late February" starts a duration, not the date of what is reported.
          (d) =>
            !/\bsince\s+(?:the\s+)?(?:early|late|mid-?)?\s*$/i.test(
              s.text.slice(Math.max(0, d.start - 20), d.start),
            ),
        );
        for (const m of s.text.matchAll(TIME_HINT)) {
          const at = m.index ?? 0;
          if (!dates.some((d) => d.start <= at + m[0].length && d.end >= at))
            findings.unresolvedDates.push({ articleId: article.id, expression: m[0], sentence: s.text });
        }
        const sites = places.filter(
          (p) =>
            p.entry &&
            (p.role === 'site' || p.role === 'reference' || p.role === 'origin' || p.role === 'dateline') &&
            !HOME_BEFORE.test(article.text.slice(Math.max(s.start, p.start - 30), p.start)) &&
            !HOME_AFTER.test(article.text.slice(p.end, p.end + 20)) &&
            !insideQuotes(article.text.slice(s.start, p.start)) &&
            !MODAL_BEFORE.test(article.text.slice(Math.max(s.start, p.start - 60), p.start)),
        );
        // The event: the best-ranked trigger that reports something.
        const hits = triggers.find(s.tokens).sort((a, b) => a.value.rank - b.value.rank || a.from - b.from);
        let chosen: PhraseHit<TriggerValue> | null = null;
        let why = '';
        let retold: string | null = null;
        for (const h of hits) {
          // A headline tells a past happening in the present ("Gunmen kill five in Kaduna").
          const reason = notReported(s, s.tokens, h, told, dates.length > 0 || headline, codebook.sameGroup);
          if (!reason) {
            chosen = h;
            break;
          }
          if (reason === RETOLD) retold ??= h.value.type;
          why ||= reason;
        }
        // What the headline announces counts as told: "the shooting" below is that one.
        if (headline) for (const h of hits) told.add(h.value.type);
        const bestSite = choosePlace(sites, chosen ? (s.tokens[chosen.from] as Token).start : s.start);
        if (bestSite) lastSite = { paragraph: s.paragraph, mention: bestSite };
        // A day carries over from a report or a plain sentence, not from background ("since 2002").
        if (dates[0] && (chosen || !hits.length)) lastDate = dates[0];
        // "The explosion ripped through a hotel lobby in Peshawar", after "a bomb blast in northwestern
        // Pakistan": the event told already, placed more exactly.
        const earlier = retold ? toldEvent.get(retold) : undefined;
        const finer = bestSite ? toPlace(bestSite) : null;
        if (!chosen && earlier && finer && refines(earlier.place, finer)) earlier.place = finer;
        // "A roadside bomb has killed eight soldiers" then "the blast Saturday morning": its day.
        const day = dates[0];
        if (!chosen && earlier?.undated && day && midpoint(day) >= addDays(article.published, -HISTORY_DAYS))
          datedBy(earlier, day);
        if (!chosen) {
          if (hits.length) findings.background.push({ articleId: article.id, sentence: s.text, why });
          else if (sites.length) findings.placeNoEvent.push({ articleId: article.id, sentence: s.text });
          continue;
        }
        // Neither a place nor a day of its own, and the kind of event told already: more of the same.
        if (
          !bestSite &&
          !dates[0] &&
          lastTold?.type === chosen.value.type &&
          s.paragraph - lastTold.paragraph <= 1
        ) {
          findings.background.push({
            articleId: article.id,
            sentence: s.text,
            why: 'more of an event already told',
          });
          continue;
        }
        // No place in the sentence: the place of the sentence before, in the same paragraph or the next.
        const site =
          bestSite ?? (lastSite && s.paragraph - lastSite.paragraph <= 1 ? lastSite.mention : null);
        const place = site ? toPlace(site) : null;
        if (!place) continue;

        const refs = actorRoles.actorsOf(s, actorsBySentence[si] ?? [], place.country);
        const who = roles(s.tokens, chosen, refs);
        const { actor1, actor2 } = actorRoles.withDefaults(chosen.value, who, place.country);
        const { type, subtype } = typeWithActors(codebook, chosen.value, actor1, actor2, s.tokens, hits);
        // Others named in the trigger's clause; "Turkey made its comment after the attacks" names
        // Turkey outside it.
        const others = refs.filter(
          (r) => r !== actor1 && r !== actor2 && !r.generic && r.at > who.clauseStart,
        );
        const involved = [actor1, actor2, ...others].filter((r): r is ActorRef => Boolean(r));
        const actors = [...new Set(involved.map((r) => r.id))];
        const date: ResolvedDate | null = dates[0] ?? lastDate;
        // "signed a ceasefire in February 2002": history the report recalls, not what it reports.
        if (date && midpoint(date) < addDays(article.published, -HISTORY_DAYS)) {
          findings.background.push({
            articleId: article.id,
            sentence: s.text,
            why: 'long before the report',
          });
          continue;
        }
        const undated = !date;
        if (undated) findings.undated.push({ articleId: article.id, sentence: s.text });
        const fatalities = codebook.type(type)?.group ? fatalitiesIn(s.text) : undefined;
        told.add(type);
        lastTold = { type, paragraph: s.paragraph };
        const candidate: Candidate = {
          articleId: article.id,
          published: article.published,
          start: s.start,
          end: s.end,
          key: passageKey(article.id, s.text),
          type,
          subtype,
          ...(codebook.type(type)?.group ? { group: codebook.type(type)?.group } : {}),
          summary: summarize(s.text),
          // Undated: some time in the week up to publication.
          date: date?.date ?? addDays(article.published, -6),
          ...(date?.dateEnd ? { dateEnd: date.dateEnd } : undated ? { dateEnd: article.published } : {}),
          datePrecision: date?.precision ?? 'week',
          undated,
          place,
          actors,
          ...(fatalities !== undefined ? { fatalities } : {}),
          ...(isOutcome(s.tokens, chosen) ? { outcome: true } : {}),
          ...(headline ? { headline: true } : {}),
          genericActors: involved.flatMap((r) => (r.generic ? [r.generic] : [])),
        };
        findings.candidates.push(candidate);
        toldEvent.set(type, candidate);
      }
      return findings;
    },
  };
}
