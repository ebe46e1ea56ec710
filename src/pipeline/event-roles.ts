/**
 * Who did what to whom: actor 1 and actor 2 of an event word, and the codebook's recoding of the
 * event type by who was involved.
 */
import type { Actor } from '../shared/schema.ts';
import type { ActorMention } from './actors.ts';
import {
  actorNounMatcher,
  type CodebookRules,
  type PhraseHit,
  splitRef,
  type TriggerValue,
} from './codebook.ts';
import type { ActorTypeEntry } from './dictionaries.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Sentence, Token } from './nlp.ts';

/** An actor named in a sentence, by dictionary id or as a generic actor of an ACLED type. */
export interface ActorRef {
  id: string;
  type: string;
  /** Token index in the sentence. */
  at: number;
  generic?: Actor;
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

/** Verbs of telling and looking into: "police said gunmen shot", "police investigate the shooting". */
const TELLING = new Set([
  'say',
  'tell',
  'report',
  'confirm',
  'announce',
  'investigate',
  'probe',
  'examine',
  'search',
  'seek',
  'believe',
  'suspect',
  'describe',
]);

const SUBJECT_PRONOUN = new Set(['it', 'they', 'he', 'she', 'we']);

function telling(t: Token): boolean {
  return t.pos === 'VERB' && TELLING.has(t.lemma);
}

/**
 * Who acted on whom. Active voice: the nearest actor before the trigger acts, the first after it is
 * acted on. Passive voice ("were shot by soldiers"): the actor after "by" acts, the one before is
 * acted on.
 */
export function roles(tokens: Token[], hit: PhraseHit<TriggerValue>, refs: ActorRef[]) {
  const head = tokens[hit.from] as Token;
  const passive =
    head.pos === 'VERB' &&
    tokens.slice(Math.max(0, hit.from - 3), hit.from).some((t) => t.lemma === 'be' || t.lemma === 'get');
  // An actor acts in its own clause: "Turkey made its comment after the attacks" is not Turkey attacking.
  let boundary = -1;
  for (let k = hit.from - 1; k >= 0 && boundary < 0; k--)
    if (CLAUSE_OPENER.has((tokens[k] as Token).lemma) || telling(tokens[k] as Token)) boundary = k;
  const before = refs.filter((r) => r.at < hit.from && r.at > boundary);
  // "The RSF said it had seized the airport": the pronoun after a teller's verb is the teller.
  const teller = boundary >= 0 && telling(tokens[boundary] as Token);
  if (teller && before.length === 0 && SUBJECT_PRONOUN.has(tokens[boundary + 1]?.text.toLowerCase() ?? '')) {
    const who = refs.filter((r) => r.at < boundary).pop();
    if (who) before.push(who);
  }
  const after = refs.filter((r) => r.at >= hit.to);
  if (passive) {
    const byAt = tokens.findIndex((t, i) => i >= hit.to && t.lemma === 'by');
    const agent = byAt >= 0 ? after.find((r) => r.at > byAt) : undefined;
    return { actor1: agent, actor2: before[before.length - 1], passive: true, clauseStart: boundary };
  }
  return {
    actor1: before[before.length - 1],
    actor2: after.find((r) => r.type !== before[before.length - 1]?.type) ?? after[0],
    passive: false,
    /** Token index where the trigger's clause starts: actors before it take no part. */
    clauseStart: boundary,
  };
}

/**
 * ACLED decides between a battle and violence against civilians by who was involved: armed actors on
 * both sides make a battle; an armed actor against civilians, an attack; protesters met by force, a
 * protest with intervention. The sub-types say which recoding applies (seeds/event-types.yaml).
 */
export function typeWithActors(
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
 * The actors of an event: those a sentence names (dictionary actors and generic ones, "Nigerian
 * police"), and the codebook's stand-ins for those it leaves out.
 */
export function createActorRoles(opts: {
  gazetteer: Gazetteer;
  /** ACLED actor type of a dictionary actor. */
  actorType: (id: string) => string | undefined;
  actorTypes: ActorTypeEntry[];
  codebook: CodebookRules;
}) {
  const { codebook } = opts;
  const nouns = actorNounMatcher(opts.actorTypes);
  const countryName = (code: string) => opts.gazetteer.countries.get(code)?.name ?? code;
  const typeById = new Map(opts.actorTypes.map((t) => [t.id, t]));
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

  return { generic, withDefaults, actorsOf };
}
