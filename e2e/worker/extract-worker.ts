/**
 * The extraction core inside a Web Worker, as a later step will run it on an article pasted into the
 * app: it gets its data as messages (no file system, no Node API) and posts the candidates and the
 * events they merge into back.
 */
import { createActorCoder } from '../../src/pipeline/actors.ts';
import type { ActorEntry, ActorTypeEntry, EventTypeEntry } from '../../src/pipeline/dictionaries.ts';
import { createExtractor } from '../../src/pipeline/extract.ts';
import { buildGazetteer, type GazetteerSources } from '../../src/pipeline/gazetteer.ts';
import { mergeCandidates } from '../../src/pipeline/merge.ts';
import type { Article } from '../../src/shared/schema.ts';

export interface WorkerRequest {
  gazetteer: GazetteerSources;
  actors: ActorEntry[];
  eventTypes: EventTypeEntry[];
  actorTypes: ActorTypeEntry[];
  article: Article;
}

self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  try {
    const d = ev.data;
    const gazetteer = buildGazetteer(d.gazetteer);
    const countryNames = (code: string) => gazetteer.countryNames.get(code) ?? [];
    const kinds = new Map(d.actorTypes.flatMap((t) => t.kinds.map((k) => [k, t.id] as const)));
    const extractor = createExtractor({
      gazetteer,
      actors: createActorCoder(d.actors, countryNames),
      actorCountry: (id) => d.actors.find((a) => a.id === id)?.country,
      actorType: (id) => kinds.get(d.actors.find((a) => a.id === id)?.kind ?? ''),
      eventTypes: d.eventTypes,
      actorTypes: d.actorTypes,
    });
    const { candidates } = extractor.extract(d.article);
    self.postMessage({ ok: true, candidates, events: mergeCandidates(candidates) });
  } catch (e) {
    self.postMessage({ ok: false, error: String(e) });
  }
};
