/** The verdict on each recognised name: a place, not a place, or in doubt until the article settles it. */
import type { Gazetteer } from './gazetteer.ts';
import { containerAfter, type Found, within } from './match-names.ts';
import {
  CURATED_FEATURES,
  isDateline,
  LARGE_FEATURES,
  MONTH_OR_DAY,
  OF_A_NAME_AFTER,
  ORG_AFTER,
  ownName,
  STRONG_LOCATIVE_BEFORE,
  withoutArticle,
} from './place-words.ts';
import {
  LOCATIVE_BEFORE,
  NOT_PLACES,
  TITLE_BEFORE,
  VEHICLE_MAKE_BEFORE,
  VEHICLE_MAKES,
} from './text-rules.ts';

/**
 * Whether a recognised name is a place: for certain by its setting, not at all, or in doubt (a common
 * word or a given name with nothing around it saying it is a place), which the article may settle.
 */
export function placeVerdicts(
  text: string,
  gazetteer: Gazetteer,
  /** Words the article writes in lower case. */
  lower: Set<string>,
  /** Names the article gives people. */
  people: Set<string>,
  keyOf: (f: Found) => string,
) {
  /** Said to be a place by its setting: "in X", "X, Ky.", a dateline, or a name of several words. */
  function certain(f: Found): boolean {
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    return (
      f.words > 1 ||
      STRONG_LOCATIVE_BEFORE.test(before) ||
      within(f.entries, containerAfter(text, gazetteer, f.end)) ||
      (/(?:^|\n)\s*$/.test(before) && /^\s*[,(—–-]/.test(text.slice(f.end, f.end + 3)))
    );
  }

  /**
   * Whether a recognised name is a place mention: certainly, not at all, or in doubt (a common word
   * or a given name with nothing around it saying it is a place), which the article may settle.
   */
  function keep(f: Found): 'place' | 'doubt' | 'not' {
    const verdict = keepOne(f);
    return verdict === true ? 'place' : verdict === false ? 'not' : 'doubt';
  }

  function keepOne(f: Found): boolean | 'doubt' {
    if (f.fixed) return true;
    const surface = text.slice(f.start, f.end);
    const key = keyOf(f);
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    const locative = LOCATIVE_BEFORE.test(before);
    // "a red Dodge Durango", "a 1992 Toyota Corolla": a vehicle, its make and its model.
    if (VEHICLE_MAKE_BEFORE.test(before)) return false;
    if (VEHICLE_MAKES.has(key) && /^ \p{Lu}/u.test(text.slice(f.end, f.end + 2))) return false;
    // The candidates that bear this name as their own, not as one of the alternate names broad lists
    // give ("Public" for a district in Uganda, "Man" for Amman).
    const own = f.entries.filter((e) => ownName(e, withoutArticle(key)));
    const ownPop = Math.max(0, ...own.map((e) => e.population));
    // A country, region or area by its own name; a district called "Most" or a sheading called
    // "Middle" does not make the English word a place.
    const word = gazetteer.englishWords.has(key);
    const large = f.entries.some(
      (e) =>
        LARGE_FEATURES.has(e.feature) &&
        (CURATED_FEATURES.has(e.feature) || (own.includes(e) && !(word && e.feature !== 'ADM1'))),
    );
    // "Red Cross", "Rock Hill": a name made of English words is a place only after a preposition, or
    // where the article settles it ("a Rock Hill woman", "Rock Hill, S.C." elsewhere).
    if (f.words > 1 && !locative && !large && key.split(' ').every((w) => gazetteer.englishWords.has(w)))
      return 'doubt';
    // "Oxford University", "Dallas Police", "Springfield High": an organisation named after a place.
    if (!locative && ORG_AFTER.test(text.slice(f.end, f.end + 20))) return false;
    // "Charleston, W.Va.", and a dateline ("CHARLESTON, W.Va. -", "BEIRUT (AP) —"): certainly a place.
    if (isDateline(text, f.start, f.end) || within(f.entries, containerAfter(text, gazetteer, f.end)))
      return true;
    if (f.words === 1) {
      if (NOT_PLACES.has(key) || MONTH_OR_DAY.test(key)) return false;
      if (lower.has(key) && !large) return 'doubt';
      // The surname of a person named earlier ("Hulusi Akar" … "Akar"), unless it is a well-known place.
      if (people.has(key) && !f.entries.some((e) => CURATED_FEATURES.has(e.feature)) && ownPop < 100_000)
        return false;
      // "the University of Rochester", "Bank of America": an institution of the place named after it.
      if (word && OF_A_NAME_AFTER.test(text.slice(f.end, f.end + 4))) return false;
      if (TITLE_BEFORE.test(before)) return false;
      // A given name ("Lincoln", "Linda"), an English word ("White", "Over"; a big city counts only by
      // its own name) or a small place known only by an alternate name ("Wagner" for Talent, Oregon) is
      // a place only where a preposition or the article says so, unless it names a country or a state.
      const pop = Math.max(0, ...f.entries.map((e) => e.population));
      if (
        !locative &&
        !large &&
        ((own.length === 0 && pop < 100_000) ||
          (word && ownPop < 1_000_000) ||
          (gazetteer.firstNames.has(key) && pop < 100_000))
      )
        return 'doubt';
      // An acronym (NATO, NTV) is an organisation unless a preposition makes it a place.
      if (!locative && /^\p{Lu}{2,6}$/u.test(surface)) return false;
    }
    return true;
  }

  return { certain, keep };
}
