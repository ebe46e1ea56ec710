/**
 * npm run -s evaluate            the seed and holdout corpora against their gold (fixtures)
 * npm run -s evaluate -- --dev   also the development data in ../shared/dev: geoparsing on LGL, and
 *                                events on the hand-coded development set; --show lists the errors
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseArticleFile } from './corpus.ts';
import { loadActorTypes } from './dictionaries.ts';
import { evaluate, formatEvaluation, loadGold } from './evaluate.ts';
import {
  DEV_DIR,
  type EventFieldScores,
  type EventScore,
  type GeoparseScore,
  lglArticles,
  loadGoldEvents,
  loadLgl,
  type PredictedMention,
  scoreEvents,
  scoreGeoparse,
} from './evaluate-dev.ts';
import { listArticleFiles, loadToolkit, runArticles, runPipeline } from './run.ts';

const { values } = parseArgs({
  options: { dev: { type: 'boolean', default: false }, show: { type: 'boolean', default: false } },
});
const F = 'src/pipeline/fixtures';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (!values.dev) {
  const corpora = [
    {
      name: 'seeds (rules written against these)',
      dir: 'seeds/articles',
      gold: `${F}/gold-seeds.yaml`,
      actors: [],
    },
    {
      name: 'holdout (unseen)',
      dir: `${F}/holdout`,
      gold: `${F}/gold-holdout.yaml`,
      actors: [`${F}/holdout-actors.yaml`],
    },
  ];
  for (const c of corpora) {
    const kit = loadToolkit({ dataDir: 'seeds', extraActors: c.actors });
    const result = runPipeline(listArticleFiles(c.dir), kit);
    const texts = new Map(result.articles.map((a) => [a.id, (JSON.parse(a.json) as { text: string }).text]));
    console.log(formatEvaluation(c.name, evaluate(result.data.events, texts, loadGold(c.gold))));
    console.log();
  }
} else {
  if (!existsSync(DEV_DIR)) {
    console.error(`${DEV_DIR} is not here: the development data lives beside the project, not in it.`);
    process.exit(2);
  }
  const kit = loadToolkit({ dataDir: 'seeds' });
  const lgl = loadLgl();

  // Geoparsing on LGL.
  const started = performance.now();
  const predicted = new Map<string, PredictedMention[]>();
  for (const d of lgl.docs) {
    const mentions = kit.extractor.places({ text: d.text, outlet: null, author: null });
    predicted.set(
      d.id,
      mentions.map((m) => ({
        start: m.start,
        end: m.end,
        text: m.text,
        lat: m.entry?.lat ?? null,
        lon: m.entry?.lon ?? null,
      })),
    );
  }
  const geo = scoreGeoparse(lgl.gold, predicted);
  console.log(formatGeo(geo, performance.now() - started));

  // Events on the development set.
  const dir = `${F}/dev-events`;
  const corpora: { name: string; articles: ReturnType<typeof lglArticles>; gold: string }[] = [];
  const lglGold = loadGoldEvents(`${dir}/lgl-gold.yaml`);
  corpora.push({
    name: 'LGL',
    articles: lglArticles(lgl.docs, new Set(lglGold.map((g) => g.doc))),
    gold: `${dir}/lgl-gold.yaml`,
  });
  const read = (files: string[]) =>
    files.flatMap((f) => {
      const r = parseArticleFile(f, readFileSync(f), kit.chromeRules);
      return r.ok ? [r.article] : [];
    });
  corpora.push({
    name: 'seeds',
    articles: read(listArticleFiles('seeds/articles')),
    gold: `${dir}/seeds-gold.yaml`,
  });
  corpora.push({
    name: 'public (VOA)',
    articles: read(listArticleFiles(`${dir}/articles`)),
    gold: `${dir}/public-gold.yaml`,
  });
  const all: EventScore[] = [];
  for (const c of corpora) {
    const result = runArticles(c.articles, kit);
    const texts = new Map(c.articles.map((a) => [a.id, a.text]));
    const actorTypes = loadActorTypes('seeds/actor-types.yaml');
    const kindType = new Map(
      actorTypes.flatMap((t) => [[t.id, t.id] as const, ...t.kinds.map((k) => [k, t.id] as const)]),
    );
    const typeOf = new Map(result.data.actors.map((a) => [a.id, kindType.get(a.kind) ?? a.kind]));
    const score = scoreEvents(result.data.events, texts, loadGoldEvents(c.gold), (id) => typeOf.get(id));
    all.push(score);
    console.log(`\n## events: ${c.name} (${c.articles.length} articles)`);
    console.log(formatEvents(score));
  }
}

function formatGeo(s: GeoparseScore, ms: number): string {
  const lines = [
    `## geoparsing: LGL (${s.gold} gold mentions, ${s.predicted} predicted, ${(ms / 1000).toFixed(1)} s)`,
    `precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  acc@161 ${pct(s.acc161)}  mean ${s.meanKm.toFixed(0)} km  median ${s.medianKm.toFixed(0)} km  AUC ${s.auc.toFixed(3)}`,
  ];
  if (values.show) {
    const count = (xs: string[]) => {
      const m = new Map<string, number>();
      for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
      return [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 60)
        .map(([k, n]) => `${k}×${n}`)
        .join(', ');
    };
    lines.push(`missed: ${count(s.missed.map((g) => g.surface))}`);
    lines.push(`spurious: ${count(s.spurious.map((p) => p.text))}`);
    lines.push(`far: ${count(s.far.map((f) => `${f.gold.surface}(${f.km})`))}`);
  }
  return lines.join('\n');
}

function formatEvents(s: EventScore): string {
  const row = (name: string, f: EventFieldScores) =>
    `| ${name.padEnd(13)} | ${String(f.gold).padStart(4)} | ${String(f.predicted).padStart(4)} | ${pct(f.precision).padStart(6)} | ${pct(f.recall).padStart(6)} | ${pct(f.place50).padStart(6)} | ${pct(f.date).padStart(6)} | ${pct(f.type).padStart(6)} | ${pct(f.subType).padStart(6)} | ${pct(f.actors).padStart(6)} |`;
  const lines = [
    '| region        | gold | pred |  prec. | recall | place50 | date | type | subtype | actors |',
    row('all', s.all),
    ...[...s.byRegion].map(([r, f]) => row(r, f)),
    `wrong country: ${s.wrongCountry}`,
  ];
  if (values.show) {
    for (const g of s.missed)
      lines.push(`missed: ${g.doc} ${g.type}/${g.subType} ${g.place} ${g.quote ?? `@${g.start}`}`);
    for (const w of s.wrong)
      lines.push(
        `wrong ${w.fields.join('+')}: ${w.gold.doc} gold ${w.gold.type}/${w.gold.subType} ${w.gold.place} ${w.gold.date} [${w.gold.actor1?.type ?? ''},${w.gold.actor2?.type ?? ''}] → ${w.event.type}/${w.event.subtype} ${w.event.place.name} ${w.event.place.country} ${w.event.date} [${w.event.actors.join(',')}]`,
      );
    for (const e of s.spurious)
      lines.push(`spurious: ${e.type} ${e.place.name} ${e.place.country} "${e.summary.slice(0, 110)}"`);
  }
  return lines.join('\n');
}
