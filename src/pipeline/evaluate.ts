/**
 * Scores pipeline output against hand-coded gold events. A predicted event answers a gold event when
 * one of its source passages contains the gold quote; then each field is graded: place (within 25 km,
 * or the gold radius, and the right country), date (ranges overlap), actors (every gold actor found),
 * type (same id). Precision counts predicted events; recall counts gold events.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ConflictEvent } from '../shared/schema.ts';
import { distanceKm } from './merge.ts';

const goldRow = z.object({
  article: z.string(),
  quote: z.string(),
  type: z.string(),
  place: z.string(),
  lat: z.number(),
  lon: z.number(),
  country: z.string(),
  radiusKm: z.number().default(25),
  date: z
    .union([z.string(), z.date()])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
  dateEnd: z
    .union([z.string(), z.date()])
    .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
    .optional(),
  actors: z.array(z.string()),
  /** Index of the gold row this passage reports again (the same happening, another source). */
  sameAs: z.number().optional(),
});
export type GoldRow = z.infer<typeof goldRow>;

export function loadGold(file: string): GoldRow[] {
  return z.array(goldRow).parse(parseYaml(readFileSync(file, 'utf8')));
}

export interface FieldScore {
  precision: number;
  recall: number;
}

export interface Evaluation {
  gold: number;
  predicted: number;
  matchedGold: number;
  matchedPredicted: number;
  fields: Record<'event' | 'place' | 'date' | 'actors' | 'type', FieldScore>;
  /** Predicted events matched to gold in another country. */
  wrongCountry: number;
  /** Gold events reported by several passages that came out as one event / all such events. */
  merges: { merged: number; total: number };
  missed: GoldRow[];
  spurious: ConflictEvent[];
  /** Gold events found with some field wrong: which fields, and what came out. */
  mismatches: { gold: GoldRow; event: ConflictEvent; fields: string[] }[];
}

export function evaluate(events: ConflictEvent[], texts: Map<string, string>, gold: GoldRow[]): Evaluation {
  const quoteSpan = gold.map((g) => {
    const text = texts.get(g.article) ?? '';
    const at = text.indexOf(g.quote);
    if (at < 0) throw new Error(`gold quote not found in article ${g.article}: "${g.quote}"`);
    return { start: at, end: at + g.quote.length };
  });
  const groupOf = (i: number) => gold[i]?.sameAs ?? i;
  const groups = [...new Set(gold.map((_, i) => groupOf(i)))];
  const answers = (e: ConflictEvent, i: number) =>
    e.sources.some(
      (s) =>
        s.articleId === gold[i]?.article &&
        s.start <= (quoteSpan[i]?.start ?? 0) &&
        s.end >= (quoteSpan[i]?.end ?? 0),
    );

  const checks = {
    place: (e: ConflictEvent, g: GoldRow) =>
      e.place.country === g.country && distanceKm(e.place, g) <= g.radiusKm,
    date: (e: ConflictEvent, g: GoldRow) =>
      e.date <= (g.dateEnd ?? g.date) && g.date <= (e.dateEnd ?? e.date),
    actors: (e: ConflictEvent, g: GoldRow) => g.actors.every((a) => e.actors.includes(a)),
    type: (e: ConflictEvent, g: GoldRow) => e.type === g.type,
  };
  type Field = keyof typeof checks;
  const goldOk: Record<Field | 'event', number> = { event: 0, place: 0, date: 0, actors: 0, type: 0 };
  const predOk: Record<Field | 'event', number> = { event: 0, place: 0, date: 0, actors: 0, type: 0 };
  let wrongCountry = 0;
  const missed: GoldRow[] = [];
  const mismatches: Evaluation['mismatches'] = [];

  for (const grp of groups) {
    const members = gold.map((_, i) => i).filter((i) => groupOf(i) === grp);
    const hit = events.find((e) => members.some((i) => answers(e, i)));
    const g = gold[grp];
    if (!hit || !g) {
      if (g) missed.push(g);
      continue;
    }
    goldOk.event += 1;
    const wrong: string[] = [];
    for (const f of Object.keys(checks) as Field[]) {
      if (checks[f](hit, g)) goldOk[f] += 1;
      else wrong.push(f);
    }
    if (wrong.length) mismatches.push({ gold: g, event: hit, fields: wrong });
  }
  const spurious: ConflictEvent[] = [];
  for (const e of events) {
    const idx = gold.findIndex((_, i) => answers(e, i));
    const g = gold[groupOf(idx)];
    if (idx < 0 || !g) {
      spurious.push(e);
      continue;
    }
    predOk.event += 1;
    if (e.place.country !== g.country) wrongCountry += 1;
    for (const f of Object.keys(checks) as Field[]) if (checks[f](e, g)) predOk[f] += 1;
  }
  const multi = groups.filter((grp) => gold.filter((_, i) => groupOf(i) === grp).length > 1);
  const merged = multi.filter((grp) => {
    const members = gold.map((_, i) => i).filter((i) => groupOf(i) === grp);
    return events.some((e) => members.every((i) => answers(e, i)));
  }).length;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const fields = Object.fromEntries(
    (['event', 'place', 'date', 'actors', 'type'] as const).map((f) => [
      f,
      { precision: ratio(predOk[f], events.length), recall: ratio(goldOk[f], groups.length) },
    ]),
  ) as Evaluation['fields'];
  return {
    gold: groups.length,
    predicted: events.length,
    matchedGold: goldOk.event,
    matchedPredicted: predOk.event,
    fields,
    wrongCountry,
    merges: { merged, total: multi.length },
    missed,
    spurious,
    mismatches,
  };
}

export function formatEvaluation(name: string, ev: Evaluation): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
  const rows = Object.entries(ev.fields).map(
    ([f, s]) => `| ${f.padEnd(6)} | ${pct(s.precision)} | ${pct(s.recall)} |`,
  );
  return [
    `${name}: ${ev.predicted} predicted, ${ev.gold} gold; wrong country: ${ev.wrongCountry}; multi-source merges: ${ev.merges.merged}/${ev.merges.total}`,
    '| field  | precision | recall |',
    '|--------|-----------|--------|',
    ...rows,
    ...ev.missed.map((g) => `missed: ${g.article} "${g.quote}"`),
    ...ev.mismatches.map(
      (m) =>
        `wrong ${m.fields.join('+')}: "${m.gold.quote}" → ${m.event.type}, ${m.event.place.name} ${m.event.place.country}, ${m.event.date}, [${m.event.actors.join(', ')}]`,
    ),
    ...ev.spurious.map((e) => `spurious: ${e.id} ${e.type} ${e.place.name} "${e.summary.slice(0, 100)}"`),
  ].join('\n');
}
