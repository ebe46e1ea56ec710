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

/** Runs extraction over the files; `onProgress` is called after each file. */
export function runPipeline(files: string[], kit: Toolkit, onProgress?: (done: number) => void): RunResult {
  const { articles, problems } = readCorpus(files, kit.chromeRules);
  return runArticles(articles, kit, { filesRead: files.length, problems, onProgress });
}

/** Runs extraction over articles already read (an evaluation corpus, or a corpus read from files). */
export function runArticles(
  articles: Article[],
  kit: Toolkit,
  opts: { filesRead?: number; problems?: FileProblem[]; onProgress?: (done: number) => void } = {},
): RunResult {
  const problems = opts.problems ?? [];
  const onProgress = opts.onProgress;
  const findings = emptyFindings();
  articles.forEach((a, i) => {
    try {
      const f = kit.extractor.extract(a);
      findings.candidates.push(...f.candidates);
      findings.placeNoEvent.push(...f.placeNoEvent);
      findings.unresolved.push(...f.unresolved);
      findings.undated.push(...f.undated);
      findings.unresolvedDates.push(...f.unresolvedDates);
      findings.background.push(...f.background);
    } catch (e) {
      problems.push({ file: a.id, problem: `extraction failed: ${(e as Error).message}` });
    }
    onProgress?.(i + 1);
  });
  // In table order (date, then id), as the Arrow files are: the app keeps a day's events in file order.
  const events: ConflictEvent[] = sortEvents(mergeCandidates(findings.candidates));
  const newest = articles.reduce((m, a) => (a.published > m ? a.published : m), '1970-01-01');
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
    articles: [...articles].sort((a, b) => a.id.localeCompare(b.id)).map(({ text: _text, ...meta }) => meta),
    events,
  };
  // The writer checks its own output against the contract the app will hold it to.
  const check = parseEventsFile(JSON.parse(JSON.stringify(data)));
  if (check.dropped.count)
    throw new Error(`pipeline produced invalid events: ${JSON.stringify(check.dropped.reasons)}`);
  return {
    data,
    articles: articles.map((a) => ({ id: a.id, json: `${JSON.stringify(a, null, 2)}\n` })),
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
