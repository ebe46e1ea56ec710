/**
 * Events on the hand-coded development set (src/pipeline/fixtures/dev-events): a predicted event
 * answers a gold event when one of its passages overlaps the gold passage; fields are then graded,
 * and precision and recall are given per region (the continent of the article's gold events).
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ConflictEvent } from '../../shared/schema.ts';
import { distanceKm } from '../merge.ts';

const day = z
  .union([z.string(), z.date()])
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));
const goldActor = z.object({ name: z.string(), type: z.string(), country: z.string().optional() });
const goldEvent = z.object({
  doc: z.union([z.string(), z.number()]).transform(String),
  start: z.number().optional(),
  end: z.number().optional(),
  quote: z.string().optional(),
  type: z.string(),
  subType: z.string(),
  place: z.string(),
  lat: z.number(),
  lon: z.number(),
  country: z.string(),
  radiusKm: z.number().default(25),
  date: day,
  dateEnd: day.optional(),
  actor1: goldActor.optional(),
  actor2: goldActor.optional(),
  fatalities: z.number().optional(),
  sameAs: z.number().optional(),
});
export type GoldEvent = z.infer<typeof goldEvent>;

export function loadGoldEvents(file: string): GoldEvent[] {
  return z.array(goldEvent).parse(parseYaml(readFileSync(file, 'utf8')));
}

/** Continent of a country, for per-region scores. */
export function regionOf(country: string): string {
  const regions: Record<string, string[]> = {
    'North America': ['US', 'CA', 'MX'],
    'Latin America': ['CO', 'BR', 'VE', 'PE', 'AR', 'CL', 'EC', 'BO', 'GT', 'HN', 'SV', 'NI', 'HT', 'CU'],
    Europe: ['GB', 'DE', 'FR', 'RU', 'UA', 'IT', 'ES', 'PL', 'GE', 'AM', 'AZ', 'GR', 'SE', 'NO', 'BY', 'RS'],
    'Middle East': ['IQ', 'SY', 'TR', 'LB', 'IL', 'PS', 'JO', 'SA', 'YE', 'IR', 'EG', 'LY'],
    Africa: ['NG', 'SO', 'KE', 'SD', 'SS', 'ET', 'ML', 'NE', 'BF', 'CD', 'CM', 'TD', 'MZ', 'ZA', 'UG'],
    Asia: ['AF', 'PK', 'IN', 'TH', 'LK', 'MM', 'PH', 'CN', 'BD', 'ID', 'NP', 'KP', 'KR', 'JP'],
  };
  for (const [r, cs] of Object.entries(regions)) if (cs.includes(country)) return r;
  return 'Other';
}

export interface EventFieldScores {
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  place50: number;
  date: number;
  type: number;
  subType: number;
  actors: number;
}

export interface EventScore {
  all: EventFieldScores;
  byRegion: Map<string, EventFieldScores>;
  missed: GoldEvent[];
  spurious: ConflictEvent[];
  wrong: { gold: GoldEvent; event: ConflictEvent; fields: string[] }[];
  wrongCountry: number;
}

/** How an event's actors are typed, for grading actor fields against ACLED actor types. */
export type ActorTypeOf = (actorId: string) => string | undefined;

export function scoreEvents(
  events: ConflictEvent[],
  texts: Map<string, string>,
  gold: GoldEvent[],
  actorType: ActorTypeOf,
): EventScore {
  const spans = gold.map((g) => {
    if (g.start !== undefined && g.end !== undefined) return { start: g.start, end: g.end };
    const at = (texts.get(g.doc) ?? '').indexOf(g.quote ?? '\u0000');
    if (at < 0) throw new Error(`gold quote not found in ${g.doc}: "${g.quote}"`);
    return { start: at, end: at + (g.quote?.length ?? 0) };
  });
  const groupOf = (i: number) => gold[i]?.sameAs ?? i;
  const answers = (e: ConflictEvent, i: number) =>
    e.sources.some(
      (s) => s.articleId === gold[i]?.doc && s.start < (spans[i]?.end ?? 0) && s.end > (spans[i]?.start ?? 0),
    );
  const articleRegion = new Map<string, string>();
  for (const g of gold) if (!articleRegion.has(g.doc)) articleRegion.set(g.doc, regionOf(g.country));
  const regionOfEvent = (e: ConflictEvent) =>
    articleRegion.get(e.sources[0]?.articleId ?? '') ?? regionOf(e.place.country);

  const checks: Record<string, (e: ConflictEvent, g: GoldEvent) => boolean> = {
    place50: (e, g) => e.place.country === g.country && distanceKm(e.place, g) <= Math.max(50, g.radiusKm),
    date: (e, g) => e.date <= (g.dateEnd ?? g.date) && g.date <= (e.dateEnd ?? e.date),
    type: (e, g) => e.type === g.type,
    subType: (e, g) => e.subtype === g.subType,
    actors: (e, g) => {
      const types = new Set(e.actors.map((a) => actorType(a)));
      return [g.actor1, g.actor2].every((a) => !a || types.has(a.type));
    },
  };
  const empty = (): EventFieldScores & { goldHit: number; predHit: number } => ({
    gold: 0,
    predicted: 0,
    precision: 0,
    recall: 0,
    place50: 0,
    date: 0,
    type: 0,
    subType: 0,
    actors: 0,
    goldHit: 0,
    predHit: 0,
  });
  const tallies = new Map<string, ReturnType<typeof empty>>();
  const tally = (r: string) => {
    const t = tallies.get(r) ?? empty();
    tallies.set(r, t);
    return t;
  };
  const missed: GoldEvent[] = [];
  const wrong: EventScore['wrong'] = [];
  const groups = [...new Set(gold.map((_, i) => groupOf(i)))];
  for (const grp of groups) {
    const g = gold[grp] as GoldEvent;
    const members = gold.map((_, i) => i).filter((i) => groupOf(i) === grp);
    const t = [tally('all'), tally(regionOf(g.country))];
    for (const x of t) x.gold += 1;
    const hit = events.find((e) => members.some((i) => answers(e, i)));
    if (!hit) {
      missed.push(g);
      continue;
    }
    const bad: string[] = [];
    for (const x of t) x.goldHit += 1;
    for (const [f, check] of Object.entries(checks)) {
      if (check(hit, g))
        for (const x of t) {
          const r = x as unknown as Record<string, number>;
          r[f] = (r[f] ?? 0) + 1;
        }
      else bad.push(f);
    }
    if (bad.length) wrong.push({ gold: g, event: hit, fields: bad });
  }
  const spurious: ConflictEvent[] = [];
  let wrongCountry = 0;
  for (const e of events) {
    const t = [tally('all'), tally(regionOfEvent(e))];
    for (const x of t) x.predicted += 1;
    const i = gold.findIndex((_, k) => answers(e, k));
    if (i < 0) {
      spurious.push(e);
      continue;
    }
    if (e.place.country !== gold[groupOf(i)]?.country) wrongCountry += 1;
    for (const x of t) x.predHit += 1;
  }
  const finish = (t: ReturnType<typeof empty>): EventFieldScores => ({
    gold: t.gold,
    predicted: t.predicted,
    precision: t.predicted ? t.predHit / t.predicted : 0,
    recall: t.gold ? t.goldHit / t.gold : 0,
    // Field accuracies over the gold events found.
    place50: t.goldHit ? t.place50 / t.goldHit : 0,
    date: t.goldHit ? t.date / t.goldHit : 0,
    type: t.goldHit ? t.type / t.goldHit : 0,
    subType: t.goldHit ? t.subType / t.goldHit : 0,
    actors: t.goldHit ? t.actors / t.goldHit : 0,
  });
  const byRegion = new Map<string, EventFieldScores>();
  for (const [r, t] of tallies) if (r !== 'all') byRegion.set(r, finish(t));
  return { all: finish(tally('all')), byRegion, missed, spurious, wrong, wrongCountry };
}
