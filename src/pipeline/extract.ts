/**
 * From one article to candidate events, the ACLED way: a sentence that reports a happening (a codebook
 * trigger that is not negated, planned, conditional, habitual, background or quoted) at a site gives
 * one candidate, typed by its trigger and the actors around it, with who acted on whom, the date
 * anchored in that sentence or carried from its context, and the fatalities it states.
 * Also collects what the report tells a user: background statements, sentences with a place but no
 * event, unresolved names and dates.
 */
import type { Actor, Article, DatePrecision, Place, PlacePrecision } from '../shared/schema.ts';
import type { ActorCoder, ActorMention } from './actors.ts';
import {
  actorNounMatcher,
  type CodebookRules,
  codebookRules,
  type PhraseHit,
  splitRef,
  type TriggerValue,
  triggerMatcher,
} from './codebook.ts';
import { addDays, type ResolvedDate, resolveDates } from './dates.ts';
import type { ActorTypeEntry, EventTypeEntry } from './dictionaries.ts';
import { fatalitiesIn } from './fatalities.ts';
import type { Gazetteer } from './gazetteer.ts';
import { geoparse, type PlaceMention } from './geoparse.ts';
import { sha1Hex } from './hash.ts';
import { distanceKm } from './merge.ts';
import { analyse, type Sentence, type Token } from './nlp.ts';
import {
  CARRY_ON_BEFORE,
  INFINITIVE_BEFORE,
  LEGAL_BEFORE,
  MODAL_AFTER,
  MODAL_BEFORE,
  PEOPLE_OF_A_PLACE,
} from './text-rules.ts';

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
  return sha1Hex(`${articleId}\n${norm}`).slice(0, 12);
}

/** Words that say "when" without a date the resolver understood: reported, not guessed. */
const TIME_HINT =
  /\b(?:(?:a|one|two|three|several|a few) (?:days?|weeks?|months?) (?:after|before|later|earlier)|in recent (?:days|weeks|months)|recently|overnight|the day before|the following (?:day|week))\b/gi;

const RETOLD = 'refers to an event already told';

/** An event over this many days before publication is history the report recalls. */
const HISTORY_DAYS = 30;

/** The middle day of a date or range ("in July": the 16th). */
function midpoint(d: ResolvedDate): string {
  if (!d.dateEnd) return d.date;
  const from = Date.parse(`${d.date}T00:00:00Z`);
  const to = Date.parse(`${d.dateEnd}T00:00:00Z`);
  return new Date((from + to) / 2).toISOString().slice(0, 10);
}

/** A finer place inside a coarse one: a town in the country or region an event was first placed at. */
function refines(coarse: Place, fine: Place): boolean {
  return (
    fine.country === coarse.country &&
    PRECISION_RANK[coarse.precision] >= PRECISION_RANK.region &&
    PRECISION_RANK[fine.precision] < PRECISION_RANK[coarse.precision] &&
    (coarse.precision === 'country' || distanceKm(coarse, fine) <= 300)
  );
}

/** Verbs whose past tense is written like the present ("missiles hit a hospital"). */
const SAME_PAST = new Set(
  'hit cut put set shut burst cast spread quit hurt beat let shed split thrust upset broadcast rid slit bet'.split(
    ' ',
  ),
);

/** "operate", "attacks": a present-tense verb, not after an auxiliary or "to" (those are read apart). */
function presentSimple(head: Token, prev: Token | undefined): boolean {
  if (SAME_PAST.has(head.verb)) return false;
  if (prev && (prev.pos === 'AUX' || prev.pos === 'PART' || /^(?:to|not|n't)$/i.test(prev.text)))
    return false;
  const w = head.text.toLowerCase();
  return (
    w === head.verb ||
    w === `${head.verb}s` ||
    w === `${head.verb}es` ||
    w === `${head.verb.replace(/y$/, '')}ies`
  );
}

/** An accusation or a denial frames what follows as a claim in dispute, not a report. */
const DISPUTED_BEFORE =
  /\b(?:accus(?:e|es|ed|ing)|den(?:y|ies|ied|ying)|allegations?|alleg(?:e|es|ed|ing)(?! to)|disput(?:e|es|ed|ing)|rejects? claims?|rejected claims?)\b[^.;]*$/i;

/** Many events summed up: "staged many attacks", "a spate of kidnappings". */
const QUANTIFIED_BEFORE =
  /\b(?:many|numerous|countless|repeated|frequent|a series of|a string of|a spate of|a wave of|an escalation of|an escalation in|a surge (?:of|in)|a rise in|an increase in)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** Words that tell what a happening did to people, not what it was. */
const OUTCOME_WORDS = new Set(['kill', 'killing', 'die', 'wound', 'injure']);

/** "nine were killed", "Mixon was fatally shot": what happened to the victims, by no one named. */
function isOutcome(tokens: Token[], hit: PhraseHit<TriggerValue>): boolean {
  const head = tokens[hit.from] as Token;
  if (hit.to - hit.from === 1 && OUTCOME_WORDS.has(head.verb)) return true;
  const back = tokens.slice(Math.max(0, hit.from - 2), hit.from).map((t) => t.text.toLowerCase());
  const passive = back.some((w) => w === 'was' || w === 'were' || w === 'been');
  const agent = tokens.slice(hit.to, hit.to + 4).some((t) => t.text.toLowerCase() === 'by');
  return head.pos === 'VERB' && passive && !agent;
}

/** Habitual or background statements: "has fought IS since 2014", "often clash". */
const BACKGROUND =
  /\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|some|more than \d+) (?:years|decades|centuries) ago|since the (?:start|beginning|outbreak|onset) of|increasingly|since\s+(?:\d{4}|(?:early|late|mid-?)?\s*(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|for (?:years|decades|months)|in recent years|over the (?:years|past (?:few )?(?:decade|years|months|weeks))|historically|routinely|regularly|frequently|often|usually|typically|every (?:year|week|day))\b/i;
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her']);

/** A definite noun phrase ("the shooting", "the deadly attack"): its determiner before up to two words. */
function definite(tokens: Token[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
    const t = tokens[k] as Token;
    if (DEFINITE.has(t.lemma) || DEFINITE.has(t.text.toLowerCase()))
      return t.pos === 'DET' || t.pos === 'PRON';
    if (!['ADJ', 'NOUN', 'PROPN', 'NUM', 'ADV'].includes(t.pos)) return false;
  }
  return false;
}
/** A town after a person's name or age is their home: "Dunbar of Austin", "34, of Owerri". */
const HOME_BEFORE = /(?:\b\p{Lu}[\p{L}'’-]+|\b\d{1,3}),?\s+of\s+$/u;
/** "a Kansas City man": the place someone is from, not where it happened. */
const HOME_AFTER = new RegExp(`^(?:['’]s)?\\s+(?:${PEOPLE_OF_A_PLACE}|couple|family|student)\\b`, 'i');

/** Whether the end of `prefix` (a sentence up to some point) lies inside quotation marks. */
function insideQuotes(prefix: string): boolean {
  return (prefix.match(/["“”]/g) ?? []).length % 2 === 1;
}

interface ActorRef {
  id: string;
  type: string;
  /** Token index in the sentence. */
  at: number;
  generic?: Actor;
}

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
  const nouns = actorNounMatcher(opts.actorTypes);
  const countryName = (code: string) => opts.gazetteer.countries.get(code)?.name ?? code;
  const typeById = new Map(opts.actorTypes.map((t) => [t.id, t]));
  const codebook = codebookRules(opts.eventTypes, opts.actorTypes);
  const { perpetrator, victim, authority } = codebook.standsIn;
  /** A generic actor of an ACLED type in a country: "Police Forces of Nigeria". */
  const generic = (typeId: string, country: string, at = -1): ActorRef | undefined => {
    const type = typeById.get(typeId);
    if (!type) return undefined;
    const actor: Actor = {
      id: `${type.id}-${country.toLowerCase()}`,
      name: type.label.replace('{country}', countryName(country)),
      kind: type.id,
      color: type.color,
      aliases: [],
    };
    return { id: actor.id, type: type.id, at, generic: actor };
  };

  /**
   * ACLED's conventions where the sentence leaves an actor out: violence by an unnamed hand is by an
   * unidentified armed group; its victims, and those arrested, are civilians unless named; an arrest
   * is made by the state's forces.
   */
  function withDefaults(
    v: TriggerValue,
    r: { actor1: ActorRef | undefined; actor2: ActorRef | undefined; passive: boolean },
    country: string,
  ): { actor1: ActorRef | undefined; actor2: ActorRef | undefined } {
    let { actor1, actor2 } = r;
    const type = codebook.type(v.type);
    // "shot by a 26-year-old man": whoever does the violence is no bystander but an armed actor.
    if (type?.group === 'violence' && actor1?.type === victim && (r.passive || actor2))
      actor1 = generic(perpetrator, country, actor1.at);
    // One-sided violence: "a girl was stabbed" names the target, not who did it.
    if (type?.['one-sided'] && actor1?.type === victim && !actor2) [actor1, actor2] = [undefined, actor1];
    if (type?.['one-sided'] && !actor1) actor1 = generic(perpetrator, country);
    if (type?.['against-civilians'] && !actor2) actor2 = generic(victim, country);
    if (codebook.subtype(v)?.arrest) {
      if (actor1?.type !== authority) {
        if (actor1 && !actor2) actor2 = actor1;
        actor1 = generic(authority, country);
      }
      actor2 ??= generic(victim, country);
    }
    return { actor1, actor2 };
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

  /** Why a trigger does not report a happening, or null when it does. */
  function notReported(
    s: Sentence,
    tokens: Token[],
    hit: PhraseHit<TriggerValue>,
    told: Set<string>,
    dated: boolean,
  ): string | null {
    const head = tokens[hit.from] as Token;
    const at = head.start - s.start;
    const before = s.text.slice(Math.max(0, at - 60), at);
    if (tokens.slice(hit.from, hit.to).some((t) => t.negated)) return 'negated';
    if (MODAL_BEFORE.test(before) || MODAL_AFTER.test(s.text.slice(at)))
      return 'planned, conditional or denied';
    if (INFINITIVE_BEFORE.test(before) && !CARRY_ON_BEFORE.test(before)) return 'a purpose or plan';
    if (insideQuotes(s.text.slice(0, at))) return 'quoted';
    if (LEGAL_BEFORE.test(before)) return 'a charge, record or court case';
    if (BACKGROUND.test(s.text)) return 'background or habitual';
    if (QUANTIFIED_BEFORE.test(before)) return 'many events summed up, not one';
    // "arrest warrants", "shooting range", "assault rifle": the word names a kind of thing.
    const next = tokens[hit.to];
    if (hit.to - hit.from === 1 && head.pos === 'NOUN' && next?.pos === 'NOUN' && next.start === head.end + 1)
      return 'a modifier of another noun';
    if (DISPUTED_BEFORE.test(s.text.slice(0, at))) return 'an accusation or a denial';
    if (head.pos !== 'VERB' && /\bthere (?:is|are|has been|have been)\b/i.test(before))
      return 'a state of affairs';
    // "Two guerrilla groups operate in the area", "militants attack convoys": the simple present tells
    // what usually happens. News reports a happening in the past (headlines excepted, read apart).
    if (head.pos === 'VERB' && !dated && presentSimple(head, tokens[hit.from - 1]))
      return 'habitual (simple present)';
    // "Ankara, which is fighting its own insurgency": an undated state of affairs, not a happening.
    const aux = tokens[hit.from - 1];
    if (
      !dated &&
      head.pos === 'VERB' &&
      /ing$/i.test(head.text) &&
      aux &&
      /^(?:is|are|am|'s|'re)$/i.test(aux.text)
    )
      return 'ongoing, with no day';
    // "the attack" after an attack was told: the same event again, not a new one.
    if (
      head.pos !== 'VERB' &&
      (told.has(hit.value.type) || [...told].some((t) => codebook.sameGroup(t, hit.value.type))) &&
      definite(tokens, hit.from) &&
      !CARRY_ON_BEFORE.test(before)
    )
      return RETOLD;
    // "militants fighting an insurgency", "Retaking Mosul is a goal": a description, not a report.
    const prev = tokens[hit.from - 1];
    if (
      head.pos === 'VERB' &&
      /ing$/i.test(head.text) &&
      (!prev || prev.pos === 'NOUN' || prev.pos === 'PROPN')
    )
      return 'a description, not a report';
    // "the kidnapped workers": a participle describing someone, told as an event elsewhere.
    if (head.pos === 'VERB' && /ed$/i.test(head.text) && prev && (prev.pos === 'DET' || prev.pos === 'ADJ'))
      return 'a description, not a report';
    return null;
  }

  function actorsOf(s: Sentence, mentions: ActorMention[], placeCountry: string): ActorRef[] {
    const refs: ActorRef[] = [];
    const tokenAt = (offset: number) =>
      Math.max(
        0,
        s.tokens.findIndex((t) => t.end > offset),
      );
    for (const m of mentions) {
      if (m.start < s.start || m.end > s.end) continue;
      refs.push({ id: m.actorId, type: opts.actorType(m.actorId) ?? authority, at: tokenAt(m.start) });
    }
    for (const h of nouns.find(s.tokens)) {
      if (refs.some((r) => r.at === h.from)) continue;
      // The country of a demonym right before ("Nigerian police"), else of the place.
      const prev = s.tokens[h.from - 1];
      const country = (prev && opts.gazetteer.demonyms.get(prev.text.toLowerCase())) || placeCountry;
      const ref = generic(h.value.id, country, h.from);
      if (ref) refs.push(ref);
    }
    return refs.sort((a, b) => a.at - b.at);
  }

  return {
    places: (article) => placesOf(article, opts.actors.find(article.text)),
    extract(article) {
      const findings = emptyFindings();
      const actorMentions = opts.actors.find(article.text);
      const mentions = placesOf(article, actorMentions);
      const sentences = analyse(article.text);
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
            (p.role === 'site' || p.role === 'reference' || p.role === 'origin') &&
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
          const reason = notReported(s, s.tokens, h, told, dates.length > 0 || headline);
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

        const refs = actorsOf(s, actorsBySentence[si] ?? [], place.country);
        const { actor1, actor2 } = withDefaults(chosen.value, roles(s.tokens, chosen, refs), place.country);
        const { type, subtype } = typeWithActors(codebook, chosen.value, actor1, actor2, s.tokens, hits);
        const others = refs.filter((r) => r !== actor1 && r !== actor2 && !r.generic);
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

/**
 * Who acted on whom. Active voice: the nearest actor before the trigger acts, the first after it is
 * acted on. Passive voice ("were shot by soldiers"): the actor after "by" acts, the one before is
 * acted on.
 */
/** Items (sorted by start) inside each sentence, in one walk: linear in a long article. */
function bySentence<T extends { start: number; end: number }>(items: T[], sentences: Sentence[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  let k = 0;
  for (const [i, s] of sentences.entries()) {
    while (k < items.length && (items[k] as T).start < s.start) k++;
    for (let j = k; j < items.length && (items[j] as T).start < s.end; j++) {
      const item = items[j] as T;
      if (item.end <= s.end) out[i]?.push(item);
    }
  }
  return out;
}

/** Lower case, single spaces, no closing punctuation: for comparing a sentence with the title. */
function norm(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    .trim()
    .toLowerCase();
}

const CLAUSE_OPENER = new Set([
  'after',
  'before',
  'because',
  'although',
  'though',
  'while',
  'whereas',
  'since',
  'until',
  'following',
  'amid',
  'over',
]);

function roles(tokens: Token[], hit: PhraseHit<TriggerValue>, refs: ActorRef[]) {
  const head = tokens[hit.from] as Token;
  const passive =
    head.pos === 'VERB' &&
    tokens.slice(Math.max(0, hit.from - 3), hit.from).some((t) => t.lemma === 'be' || t.lemma === 'get');
  // An actor acts in its own clause: "Turkey made its comment after the attacks" is not Turkey attacking.
  let boundary = -1;
  for (let k = hit.from - 1; k >= 0 && boundary < 0; k--)
    if (CLAUSE_OPENER.has((tokens[k] as Token).lemma)) boundary = k;
  const before = refs.filter((r) => r.at < hit.from && r.at > boundary);
  const after = refs.filter((r) => r.at >= hit.to);
  if (passive) {
    const byAt = tokens.findIndex((t, i) => i >= hit.to && t.lemma === 'by');
    const agent = byAt >= 0 ? after.find((r) => r.at > byAt) : undefined;
    return { actor1: agent, actor2: before[before.length - 1], passive: true };
  }
  return {
    actor1: before[before.length - 1],
    actor2: after.find((r) => r.type !== before[before.length - 1]?.type) ?? after[0],
    passive: false,
  };
}

/**
 * ACLED decides between a battle and violence against civilians by who was involved: armed actors on
 * both sides make a battle; an armed actor against civilians, an attack; protesters met by force, a
 * protest with intervention. The sub-types say which recoding applies (seeds/event-types.yaml).
 */
function typeWithActors(
  codebook: CodebookRules,
  v: TriggerValue,
  a1: ActorRef | undefined,
  a2: ActorRef | undefined,
  tokens: Token[],
  hits: PhraseHit<TriggerValue>[],
): { type: string; subtype: string } {
  const sub = codebook.subtype(v);
  const armed = (r?: ActorRef) => Boolean(r && codebook.armed(r.type));
  const unarmed = sub?.['against-unarmed'];
  if (unarmed && a2?.type === codebook.standsIn.victim && !armed(a2)) return splitRef(unarmed);
  const between = sub?.['between-armed'];
  if (between && armed(a1) && armed(a2)) return splitRef(between);
  const intervenedAs = sub?.intervened;
  if (intervenedAs) {
    const intervened =
      hits.some((h) => codebook.subtype(h.value)?.arrest) ||
      tokens.some((t) => /^(?:disperse|tear|teargas|baton|rubber)$/.test(t.lemma));
    if (intervened) return splitRef(intervenedAs);
  }
  return { type: v.type, subtype: v.subtype };
}

/**
 * The event's place: a site over an origin over a reference point, then the most precise, then the
 * nearest to the trigger (places after it first: "moving on the town of Tal Afar").
 */
function choosePlace(places: PlaceMention[], triggerAt: number): PlaceMention | undefined {
  const near = (p: PlaceMention) => (p.start >= triggerAt ? p.start - triggerAt : triggerAt - p.end + 40);
  const coarse = (p: PlaceMention) =>
    PRECISION_RANK[p.entry?.precision ?? 'country'] >= PRECISION_RANK.region ? 1 : 0;
  return [...places].sort(
    (a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || coarse(a) - coarse(b) || near(a) - near(b),
  )[0];
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

function summarize(sentence: string): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  return s.length > 240 ? `${s.slice(0, 239).replace(/\s\S*$/, '')}…` : s;
}
