/** Actor coding: dictionary aliases, demonyms and capitals used for governments. */
import type { ActorEntry } from './dictionaries.ts';
import { escapeRegExp, LOCATIVE_BEFORE } from './text-rules.ts';

export interface ActorMention {
  actorId: string;
  start: number;
  end: number;
  text: string;
  /** How it was recognised: a name, a demonym ("Turkish tanks") or a capital ("Ankara said"). */
  via: 'alias' | 'demonym' | 'capital' | 'person';
}

interface Matcher {
  actorId: string;
  via: ActorMention['via'];
  /** Country-like names ("Turkey", "Ankara") are places after a locative preposition. */
  placeLike: boolean;
  re: RegExp;
}

/** Nouns after a demonym that make it describe a place, not a force ("the Turkish town of"). */
const DEMONYM_PLACE_NOUN =
  /^\s+(?:town|city|village|border|territory|soil|side|coast|region|province|cities|lira|media|television|news|capital)\b/i;

export interface ActorCoder {
  find(text: string): ActorMention[];
}

/** Builds a matcher over the dictionary; longer names win over shorter ones they contain. */
export function createActorCoder(actors: ActorEntry[], countryNames: (code: string) => string[]): ActorCoder {
  const matchers: Matcher[] = [];
  for (const a of actors) {
    const names = new Set(a.aliases);
    if (a.country) for (const n of countryNames(a.country)) names.add(n);
    const entries: [string, Matcher['via']][] = [
      ...[...names].map((n) => [n, 'alias'] as [string, Matcher['via']]),
      ...a.demonyms.map((n) => [n, 'demonym'] as [string, Matcher['via']]),
      ...a.capitals.map((n) => [n, 'capital'] as [string, Matcher['via']]),
    ];
    for (const [name, via] of entries) {
      // Lower-case aliases match any case; names with capitals must match as written (IS ≠ "is").
      const flags = name === name.toLowerCase() ? 'giu' : 'gu';
      matchers.push({
        actorId: a.id,
        via,
        placeLike: via === 'capital' || (a.country !== undefined && countryNames(a.country).includes(name)),
        re: new RegExp(
          `(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}]|-(?![Ll]ed|[Bb]acked|[Hh]eld))`,
          flags,
        ),
      });
    }
  }
  matchers.sort((x, y) => y.re.source.length - x.re.source.length);

  return {
    find(text) {
      // Characters already part of a mention, as a bitmap: checking a list of spans for each match
      // grew with the square of the mentions (1.2 s at 1 MB, 55 s at 8 MB).
      const taken = new Uint8Array(text.length);
      const out: ActorMention[] = [];
      for (const m of matchers) {
        m.re.lastIndex = 0;
        for (let r = m.re.exec(text); r; r = m.re.exec(text)) {
          const start = r.index;
          const end = start + r[0].length;
          if (overlaps(taken, start, end)) continue;
          const before = text.slice(Math.max(0, start - 40), start);
          // "in Iraq" is a place; "from Iraq's prime minister" is still the actor.
          if (m.placeLike && LOCATIVE_BEFORE.test(before) && !/^['’]s\b/.test(text.slice(end, end + 3)))
            continue;
          if (m.via === 'demonym' && DEMONYM_PLACE_NOUN.test(text.slice(end, end + 20))) continue;
          taken.fill(1, start, end);
          out.push({ actorId: m.actorId, start, end, text: r[0], via: m.via });
        }
      }
      out.push(...people(text, out, taken));
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

/** Whether any character of [start, end) is already taken. */
function overlaps(taken: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (taken[k]) return true;
  return false;
}

/** Titles between an actor and a person's name: "Turkish Defence Minister Fikri Isik". */
const TITLE =
  /\b(?:President|Minister|minister|spokesman|Spokesman|spokeswoman|General|Gen\.|Lieutenant-General|Staff|staff|counterpart|commander|Capt\.|Col\.|leader|envoy)\b/;
const NAME = /(?:\p{Lu}[\p{L}'’-]+|al-\p{Lu}[\p{L}-]+)(?:\s+(?:\p{Lu}[\p{L}'’-]+|al-\p{Lu}[\p{L}-]+)){1,2}/u;

/**
 * People named with their side ("Pentagon Spokesman Peter Cook", "Iraq's Prime Minister Haidar
 * al-Abadi"): later mentions of their surname ("Cook said") are that actor speaking or acting.
 */
function people(text: string, mentions: ActorMention[], taken: Uint8Array): ActorMention[] {
  const surnames = new Map<string, string>();
  for (const m of mentions) {
    if (m.via === 'person') continue;
    const after = text.slice(m.end, m.end + 70);
    const title = TITLE.exec(after);
    if (!title || /[.;:!?"“”]\s/.test(after.slice(0, title.index))) continue;
    const rest = after.slice(title.index + title[0].length);
    const name = NAME.exec(rest);
    // The name follows the title directly ("Minister Fikri Isik", "counterpart, Gen. Valery Gerasimov").
    if (!name || !/^[\s,]*(?:(?:Gen|Lt|Col|Capt|Maj)\.\s+)?$/.test(rest.slice(0, name.index))) continue;
    const surname = (name[0].split(/\s+/).pop() ?? '').replace(/['’]s$/, '');
    if (surname.length > 2 && !surnames.has(surname)) surnames.set(surname, m.actorId);
  }
  const out: ActorMention[] = [];
  for (const [surname, actorId] of surnames) {
    const re = new RegExp(`(?<![\\p{L}-])${escapeRegExp(surname)}(?![\\p{L}])`, 'gu');
    for (let r = re.exec(text); r; r = re.exec(text)) {
      const start = r.index;
      const end = start + surname.length;
      if (overlaps(taken, start, end)) continue;
      out.push({ actorId, start, end, text: surname, via: 'person' });
    }
  }
  return out;
}
