/**
 * The codebook as matchers: event-type triggers and generic actor nouns, both lemma phrases matched on
 * whole tokens (a phrase word matches a token's lemma or its lower-case form, so "shoot" matches
 * "shot" and "gunmen" matches "gunmen"). A longer match hides a shorter one inside it.
 */
import type { ActorTypeEntry, EventTypeEntry } from './dictionaries.ts';
import type { Token } from './nlp.ts';

/** Parts of speech that may sit inside a multiword phrase: adjectives, adverbs, determiners. */
const MODIFIER = new Set(['ADJ', 'ADV', 'DET', 'NUM']);
/** Degree words the tagger may read as prepositions ("near complete control"). */
const DEGREE = new Set(['near', 'nearly', 'almost', 'virtually', 'effective', 'full', 'total', 'partial']);

export interface Phrase<T> {
  words: string[];
  value: T;
}

export interface PhraseHit<T> {
  /** First and one-past-last token index. */
  from: number;
  to: number;
  value: T;
}

/** An index of phrases by first word, for a linear scan of a sentence. */
export class PhraseMatcher<T> {
  private byFirst = new Map<string, Phrase<T>[]>();

  constructor(phrases: Phrase<T>[]) {
    for (const p of phrases) {
      const first = p.words[0];
      if (!first) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push(p);
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Every match, longest first at each position; matches inside a longer one are dropped. */
  find(tokens: Token[]): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    const word = (t: Token | undefined) => (t ? [t.lemma, t.text.toLowerCase(), t.verb] : []);
    for (let i = 0; i < tokens.length; i++) {
      const candidates = new Set<Phrase<T>>();
      for (const w of word(tokens[i])) for (const p of this.byFirst.get(w) ?? []) candidates.add(p);
      for (const p of candidates) {
        // Later words may follow after up to two modifiers: "took near complete control".
        let at = i;
        let ok = true;
        for (let k = 1; k < p.words.length && ok; k++) {
          const want = p.words[k] as string;
          let next = at + 1;
          while (
            next - at <= 2 &&
            (MODIFIER.has(tokens[next]?.pos ?? '') || DEGREE.has(tokens[next]?.text.toLowerCase() ?? '')) &&
            !word(tokens[next]).includes(want)
          )
            next += 1;
          ok = word(tokens[next]).includes(want);
          at = next;
        }
        if (ok) hits.push({ from: i, to: at + 1, value: p.value });
      }
    }
    return hits.filter(
      (h) => !hits.some((o) => o !== h && o.from <= h.from && o.to >= h.to && o.to - o.from > h.to - h.from),
    );
  }
}

export interface TriggerValue {
  type: string;
  subtype: string;
  /** Precedence: lower wins (the codebook's order of types, then of sub-types). */
  rank: number;
}

/** Trigger matcher over the event taxonomy (seeds/event-types.yaml). */
export function triggerMatcher(types: EventTypeEntry[]): PhraseMatcher<TriggerValue> {
  const phrases: Phrase<TriggerValue>[] = [];
  for (const [ti, t] of types.entries())
    for (const [si, s] of t.subtypes.entries())
      for (const trigger of s.triggers)
        phrases.push({
          words: trigger.toLowerCase().split(/\s+/),
          value: { type: t.id, subtype: s.id, rank: ti * 100 + si },
        });
  return new PhraseMatcher(phrases);
}

/** Generic actor nouns (seeds/actor-types.yaml): "police", "gunmen", "protesters". */
export function actorNounMatcher(types: ActorTypeEntry[]): PhraseMatcher<ActorTypeEntry> {
  const phrases: Phrase<ActorTypeEntry>[] = [];
  for (const t of types)
    for (const n of t.nouns) phrases.push({ words: n.toLowerCase().split(/\s+/), value: t });
  return new PhraseMatcher(phrases);
}

type SubtypeEntry = EventTypeEntry['subtypes'][number];

/** The codebook's flags, looked up by id: the extraction reads behaviour from them, never from ids. */
export interface CodebookRules {
  type(id: string): EventTypeEntry | undefined;
  subtype(v: { type: string; subtype: string }): SubtypeEntry | undefined;
  /** Whether two event types can tell one happening ("the shooting" after "an attack"). */
  sameGroup(a: string, b: string): boolean;
  /** Whether an actor type is an organised armed one. */
  armed(actorType: string): boolean;
  /** The actor types that stand in for an actor a sentence leaves out. */
  standsIn: { perpetrator: string; victim: string; authority: string };
}

export function codebookRules(eventTypes: EventTypeEntry[], actorTypes: ActorTypeEntry[]): CodebookRules {
  const types = new Map(eventTypes.map((t) => [t.id, t]));
  const subtypes = new Map(eventTypes.flatMap((t) => t.subtypes.map((s) => [`${t.id}/${s.id}`, s] as const)));
  const armed = new Set(actorTypes.filter((t) => t.armed).map((t) => t.id));
  const role = (r: 'perpetrator' | 'victim' | 'authority') => {
    const t = actorTypes.find((a) => a['stands-in'] === r);
    if (!t) throw new Error(`actor types: none has "stands-in: ${r}"`);
    return t.id;
  };
  return {
    type: (id) => types.get(id),
    subtype: (v) => subtypes.get(`${v.type}/${v.subtype}`),
    sameGroup: (a, b) => {
      const g = types.get(a)?.group;
      return g !== undefined && g === types.get(b)?.group;
    },
    armed: (t) => armed.has(t),
    standsIn: { perpetrator: role('perpetrator'), victim: role('victim'), authority: role('authority') },
  };
}

/** "battle/armed-clash" as its two parts. */
export function splitRef(ref: string): { type: string; subtype: string } {
  const [type = '', subtype = ''] = ref.split('/');
  return { type, subtype };
}
