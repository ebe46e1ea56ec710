/**
 * Fatalities a sentence states: "killed 12", "killing at least nine", "three people were killed",
 * "at least 20 dead", "left five dead", "death toll rose to 30". The lowest figure stated wins (the
 * ACLED rule for conflicting tolls); none stated, none given.
 */
const SMALL: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  dozen: 12,
  dozens: 24,
  hundred: 100,
  hundreds: 200,
};
const NUM =
  '(\\d[\\d,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens|hundreds)';
const QUAL = '(?:at least|more than|over|nearly|almost|about|around|some|up to|as many as)?\\s*';
const WHO =
  '(?:[a-z-]+\\s+){0,3}?(?:people|persons?|civilians?|soldiers?|troops|policemen|police officers?|officers?|fighters?|militants?|rebels?|insurgents?|protesters?|demonstrators?|villagers?|residents?|children|men|women|students?|worshippers?|passengers?|members?|others?|attackers?|gunmen|guards?|workers?|bodies|victims?)?\\s*';
const PATTERNS = [
  new RegExp(
    `\\b(?:killed|killing|kills|kill|shot dead|shooting dead|gunned down|hacked to death|stabbed to death|beat to death|beaten to death)\\s+${QUAL}${NUM}\\b`,
    'gi',
  ),
  new RegExp(
    `\\b${QUAL}${NUM}\\s+${WHO}(?:were|was|have been|had been|are|been)?\\s*(?:killed|dead|died|slain|shot dead|murdered|executed|beheaded)\\b`,
    'gi',
  ),
  new RegExp(`\\bleaving\\s+${QUAL}${NUM}\\s+${WHO}dead\\b|\\bleft\\s+${QUAL}${NUM}\\s+${WHO}dead\\b`, 'gi'),
  new RegExp(
    `\\bdeath toll\\s+(?:rose|climbed|stood|reached|is|was|of)?\\s*(?:to|at)?\\s*${QUAL}${NUM}\\b`,
    'gi',
  ),
];

function value(word: string): number | undefined {
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(w)) return Number(w);
  return SMALL[w];
}

/** The fatalities the sentence states, or undefined. */
export function fatalitiesIn(sentence: string): number | undefined {
  const found: number[] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const n = value(m[1] ?? '');
      // Years and addresses are not tolls.
      if (n !== undefined && n < 100_000 && !/^(?:19|20)\d\d$/.test(m[1] ?? '')) found.push(n);
    }
  }
  return found.length ? Math.min(...found) : undefined;
}
