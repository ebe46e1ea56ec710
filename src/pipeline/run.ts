/**
 * The whole pipeline as a function: corpus files in, data files and a report out.
 * Same input → byte-identical output (no clock, sorted everything).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sortEvents } from '../shared/events-arrow.ts';
import {
  type Article,
  type ConflictEvent,
  type EventsFile,
  parseEventsFile,
  SCHEMA_VERSION,
} from '../shared/schema.ts';
import { createActorCoder } from './actors.ts';
import { articleBudget, OverBudget } from './budget.ts';
import { type FileProblem, listArticleFiles, loadChromeRules, readCorpus } from './corpus.ts';
import { loadActors, loadActorTypes, loadEventTypes, publicActor, publicEventType } from './dictionaries.ts';
import { type ArticleFindings, createExtractor, type Extractor, emptyFindings } from './extract.ts';
import type { Gazetteer } from './gazetteer.ts';
import { loadGazetteer } from './gazetteer-files.ts';
import { mergeCandidates } from './merge.ts';

export interface PipelineConfig {
  /** Directory with the curated data files (actors.yaml, event-types.yaml, gazetteer.csv, chrome-rules.txt). */
  dataDir: string;
  /** More actor files that extend or override the built-in dictionary. */
  extraActors?: string[];
}

export interface Toolkit {
  extractor: Extractor;
  gazetteer: Gazetteer;
  actors: ReturnType<typeof loadActors>;
  eventTypes: ReturnType<typeof loadEventTypes>;
  chromeRules: RegExp[];
  /** The colour of the ACLED actor type of a dictionary `kind`, for actors without their own. */
  typeColor: (kind: string) => string;
}

/** Loads the gazetteer and dictionaries once (the slow start-up part). */
export function loadToolkit(config: PipelineConfig): Toolkit {
  const gazetteer = loadGazetteer({ dataDir: config.dataDir });
  const actors = loadActors([join(config.dataDir, 'actors.yaml'), ...(config.extraActors ?? [])]);
  const eventTypes = loadEventTypes(join(config.dataDir, 'event-types.yaml'));
  const actorTypes = loadActorTypes(join(config.dataDir, 'actor-types.yaml'));
  /** The ACLED actor type of each dictionary `kind`. */
  const typeOfKind = new Map(actorTypes.flatMap((t) => t.kinds.map((k) => [k, t] as const)));
  const kindById = new Map(actors.map((a) => [a.id, a.kind]));
  const chromeRules = loadChromeRules(readFileSync(join(config.dataDir, 'chrome-rules.txt'), 'utf8'));
  const countryNames = (code: string) => gazetteer.countryNames.get(code) ?? [];

  const countryByActor = new Map(actors.filter((a) => a.country).map((a) => [a.id, a.country]));
  const coder = createActorCoder(actors, countryNames);
  const extractor = createExtractor({
    gazetteer,
    actors: coder,
    actorCountry: (id) => countryByActor.get(id),
    actorType: (id) => typeOfKind.get(kindById.get(id) ?? '')?.id,
    eventTypes,
    actorTypes,
  });
  const typeColor = (kind: string) => typeOfKind.get(kind)?.color ?? '#555555';
  return { extractor, gazetteer, actors, eventTypes, chromeRules, typeColor };
}

export interface Report {
  filesRead: number;
  articlesRead: number;
  eventsWritten: number;
  sourcesWritten: number;
  problems: FileProblem[];
  placeNoEvent: ArticleFindings['placeNoEvent'];
  unresolved: ArticleFindings['unresolved'];
  undated: ArticleFindings['undated'];
  unresolvedDates: ArticleFindings['unresolvedDates'];
  background: ArticleFindings['background'];
}

export interface RunResult {
  data: EventsFile;
  articles: { id: string; json: string }[];
  report: Report;
}

/** How far a run has got. */
export interface RunProgress {
  /** Articles finished (kept or skipped). */
  done: number;
  total: number;
  /** Characters of text walked: the finished articles', and the current one's up to `current.at`. */
  chars: number;
  totalChars: number;
  /** The article being read and the offset its extraction has reached; null between articles. */
  current: { id: string; at: number; of: number } | null;
}

export interface RunOptions {
  /** Seconds an article may take before it is stopped, reported and skipped; no limit by default. */
  fileBudget?: number;
  /**
   * Called as each article starts and ends, and about once a second inside a long one (at paragraph
   * and sentence boundaries, so not while the extractor's whole-text passes run).
   */
  onProgress?: (p: RunProgress) => void;
}

/** Runs extraction over the files. */
export function runPipeline(files: string[], kit: Toolkit, opts: RunOptions = {}): RunResult {
  const { articles, problems } = readCorpus(files, kit.chromeRules);
  return runArticles(articles, kit, { ...opts, filesRead: files.length, problems });
}

/**
 * Runs extraction over articles already read (an evaluation corpus, or a corpus read from files).
 * An article over the time budget is reported and left out of the output, as if it were not there.
 */
export function runArticles(
  articles: Article[],
  kit: Toolkit,
  opts: RunOptions & { filesRead?: number; problems?: FileProblem[] } = {},
): RunResult {
  const problems = opts.problems ?? [];
  const { onProgress, fileBudget } = opts;
  const findings = emptyFindings();
  const skipped = new Set<Article>();
  const totalChars = articles.reduce((n, a) => n + a.text.length, 0);
  let chars = 0;
  articles.forEach((a, i) => {
    const progress = (current: RunProgress['current']) =>
      onProgress?.({
        done: current ? i : i + 1,
        total: articles.length,
        chars: chars + (current?.at ?? 0),
        totalChars,
        current,
      });
    progress({ id: a.id, at: 0, of: a.text.length });
    // The extractor walks the text more than once: progress is the furthest it has been.
    let reached = 0;
    const checkpoint =
      fileBudget !== undefined || onProgress
        ? articleBudget(fileBudget ?? Number.POSITIVE_INFINITY, a.text.length, (at) => {
            reached = Math.max(reached, at);
            progress({ id: a.id, at: reached, of: a.text.length });
          })
        : undefined;
    try {
      const f = kit.extractor.extract(a, checkpoint);
      findings.candidates.push(...f.candidates);
      findings.placeNoEvent.push(...f.placeNoEvent);
      findings.unresolved.push(...f.unresolved);
      findings.undated.push(...f.undated);
      findings.unresolvedDates.push(...f.unresolvedDates);
      findings.background.push(...f.background);
    } catch (e) {
      if (e instanceof OverBudget) {
        skipped.add(a);
        problems.push({ file: a.id, problem: `skipped: ${e.message}` });
      } else problems.push({ file: a.id, problem: `extraction failed: ${(e as Error).message}` });
    }
    chars += a.text.length;
    progress(null);
  });
  const kept = skipped.size ? articles.filter((a) => !skipped.has(a)) : articles;
  // In table order (date, then id), as the Arrow files are: the app keeps a day's events in file order.
  const events: ConflictEvent[] = sortEvents(mergeCandidates(findings.candidates));
  const newest = kept.reduce((m, a) => (a.published > m ? a.published : m), '1970-01-01');
  const data: EventsFile = {
    schemaVersion: SCHEMA_VERSION,
    // Derived from the input, not the clock, so the same corpus gives byte-identical files.
    generatedAt: `${newest}T00:00:00Z`,
    actors: [
      // Named actors that some event names, in dictionary order.
      ...kit.actors
        .filter((a) => events.some((e) => e.actors.includes(a.id)))
        .map((a) => publicActor(a, kit.typeColor(a.kind))),
      // Generic actors ("Police Forces of Nigeria") that some event names, once each, sorted.
      ...[...new Map(findings.candidates.flatMap((c) => c.genericActors).map((a) => [a.id, a])).values()]
        .filter((a) => events.some((e) => e.actors.includes(a.id)))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ],
    eventTypes: kit.eventTypes.map(publicEventType),
    articles: [...kept].sort((a, b) => a.id.localeCompare(b.id)).map(({ text: _text, ...meta }) => meta),
    events,
  };
  // The writer checks its own output against the contract the app will hold it to.
  const check = parseEventsFile(JSON.parse(JSON.stringify(data)));
  if (check.dropped.count)
    throw new Error(`pipeline produced invalid events: ${JSON.stringify(check.dropped.reasons)}`);
  return {
    data,
    articles: kept.map((a) => ({ id: a.id, json: `${JSON.stringify(a, null, 2)}\n` })),
    report: {
      filesRead: opts.filesRead ?? articles.length,
      articlesRead: articles.length,
      eventsWritten: events.length,
      sourcesWritten: events.reduce((n, e) => n + e.sources.length, 0),
      problems,
      placeNoEvent: findings.placeNoEvent,
      unresolved: findings.unresolved,
      undated: findings.undated,
      unresolvedDates: findings.unresolvedDates,
      background: findings.background,
    },
  };
}

export { listArticleFiles };
