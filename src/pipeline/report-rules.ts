/**
 * Whether a sentence with an event word reports a happening: the rules that tell a report from a
 * negation, a plan, a quote, a charge, background, a habit, a description or a retelling. Each rule
 * returns the reason the report lists the sentence under (background, with its why).
 */
import type { PhraseHit, TriggerValue } from './codebook.ts';
import type { ResolvedDate } from './dates.ts';
import type { Sentence, Token } from './nlp.ts';
import { CARRY_ON_BEFORE, INFINITIVE_BEFORE, LEGAL_BEFORE, MODAL_AFTER, MODAL_BEFORE } from './text-rules.ts';

/** Why a sentence about an event told already is not a new one. */
export const RETOLD = 'refers to an event already told';

/** An event over this many days before publication is history the report recalls. */
export const HISTORY_DAYS = 30;

/** The middle day of a date or range ("in July": the 16th). */
export function midpoint(d: ResolvedDate): string {
  if (!d.dateEnd) return d.date;
  const from = Date.parse(`${d.date}T00:00:00Z`);
  const to = Date.parse(`${d.dateEnd}T00:00:00Z`);
  return new Date((from + to) / 2).toISOString().slice(0, 10);
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
export function isOutcome(tokens: Token[], hit: PhraseHit<TriggerValue>): boolean {
  const head = tokens[hit.from] as Token;
  if (hit.to - hit.from === 1 && OUTCOME_WORDS.has(head.verb)) return true;
  const back = tokens.slice(Math.max(0, hit.from - 2), hit.from).map((t) => t.text.toLowerCase());
  const passive = back.some((w) => w === 'was' || w === 'were' || w === 'been');
  const agent = tokens.slice(hit.to, hit.to + 4).some((t) => t.text.toLowerCase() === 'by');
  return head.pos === 'VERB' && passive && !agent;
}

/** Habitual or background statements: "has fought IS since 2014", "often clash". */
const BACKGROUND =
  /\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|some|more than \d+) (?:years|decades|centuries) ago|since the (?:start|beginning|outbreak|onset) of|increasingly|since\s+(?:\d{4}|(?:early|late|mid-?)?\s*(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|for (?:years|decades|months)|in recent years|over the (?:years|past (?:few )?(?:decade|years|months|weeks))|historically|routinely|regularly|frequently|often|usually|typically|every (?:year|week|day)|(?:is|are|was|were|has become|have become) (?:common|commonplace|frequent|rare|routine|widespread|the norm))\b/i;
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
/** Whether the end of `prefix` (a sentence up to some point) lies inside quotation marks. */
export function insideQuotes(prefix: string): boolean {
  return (prefix.match(/["“”]/g) ?? []).length % 2 === 1;
}

/** Words between an infinitive's verb and its object: articles, adjectives, numbers. */
const OBJECT_MODIFIERS = new Set(['DET', 'ADJ', 'NUM', 'PRON']);

/** "to conduct such an offensive": the noun at `at` is the object of "to" and a verb. */
function objectOfInfinitive(tokens: Token[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && at - k <= 4 && OBJECT_MODIFIERS.has((tokens[k] as Token).pos)) k--;
  const verb = tokens[k];
  const to = tokens[k - 1];
  return verb?.pos === 'VERB' && to?.text.toLowerCase() === 'to' && k < at - 1;
}

/** A statement, then "after" what caused it, up to the event word. */
const CAUSE_OF_A_STATEMENT =
  /\b(?:vow(?:s|ed)?|pledg(?:e|es|ed)|promis(?:e|es|ed)|warn(?:s|ed)?|condemn(?:s|ed)?|denounc(?:e|es|ed)|vow(?:ing)?|threaten(?:s|ed)?|announc(?:e|es|ed)|urg(?:e|es|ed)|call(?:s|ed)? (?:on|for))\b[^.;]*\b(?:after|following)\b[^.;]*$/i;

/** A headline in title case ("Roadside Bomb Kills 13"): most of its words capitalised. */
function titleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}{4,}/u.test(t.text));
  return words.length > 0 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length > 0.6;
}

/** Why the event word at `hit` does not report a happening, or null when it does. */
export function notReported(
  s: Sentence,
  tokens: Token[],
  hit: PhraseHit<TriggerValue>,
  told: Set<string>,
  dated: boolean,
  sameGroup: (a: string, b: string) => boolean,
): string | null {
  const head = tokens[hit.from] as Token;
  const at = head.start - s.start;
  const before = s.text.slice(Math.max(0, at - 60), at);
  if (tokens.slice(hit.from, hit.to).some((t) => t.negated)) return 'negated';
  // "Shell Nigeria", "Operation Storm": a capitalised word inside a sentence names something.
  if (hit.from > 0 && /^\p{Lu}/u.test(head.text) && !titleCase(tokens) && !/["“'‘(:]\s*$/.test(before))
    return 'a name, not an event word';
  if (MODAL_BEFORE.test(before) || MODAL_AFTER.test(s.text.slice(at)))
    return 'planned, conditional or denied';
  if (INFINITIVE_BEFORE.test(before) && !CARRY_ON_BEFORE.test(before)) return 'a purpose or plan';
  // "the need to conduct such an offensive", "vowed to launch new strikes": the object of a plan.
  if (head.pos !== 'VERB' && objectOfInfinitive(tokens, hit.from) && !CARRY_ON_BEFORE.test(before))
    return 'a purpose or plan';
  // "Turkey vowed on Monday to cleanse … after a suicide bomber killed 54": the cause a statement
  // recalls, dated by the statement, not a report of its own.
  if (CAUSE_OF_A_STATEMENT.test(s.text.slice(0, at))) return 'the cause a statement recalls';
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
    (told.has(hit.value.type) || [...told].some((t) => sameGroup(t, hit.value.type))) &&
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
