/** The event table from validated events.json (already checked against the contract). */
import { dayOf } from '../shared/days.ts';
import { sortEvents } from '../shared/events-arrow.ts';
import { type ConflictEvent, type EventsFile, placePrecisions } from '../shared/schema.ts';
import type { EventTable } from './event-table.ts';

function idIndex(size: number, idAt: (i: number) => string, keysAt: (i: number) => (string | undefined)[]) {
  let ids: Map<string, number> | null = null;
  let keys: Map<string, number> | null = null;
  return (id: string): number => {
    if (!ids) {
      ids = new Map();
      for (let i = 0; i < size; i++) ids.set(idAt(i), i);
    }
    const row = ids.get(id);
    if (row !== undefined) return row;
    if (!keys) {
      keys = new Map();
      for (let i = 0; i < size; i++) for (const k of keysAt(i)) if (k) keys.set(k, i);
    }
    return keys.get(id) ?? -1;
  };
}

function codeList(ids: string[]) {
  const index = new Map(ids.map((id, i) => [id, i]));
  return (id: string): number => {
    let code = index.get(id);
    if (code === undefined) {
      code = ids.length;
      ids.push(id);
      index.set(id, code);
    }
    return code;
  };
}

/** Columns from validated JSON events (already checked against the contract). */
export function tableFromEvents(file: EventsFile): EventTable {
  const events = sortEvents(file.events);
  const n = events.length;
  const { events: _e, ...meta } = file;
  const typeIds = meta.eventTypes.map((t) => t.id);
  const actorIds = meta.actors.map((a) => a.id);
  const articleIds = meta.articles.map((a) => a.id);
  const typeCode = codeList(typeIds);
  const actorCode = codeList(actorIds);
  const articleCode = codeList(articleIds);
  const t = {
    day: new Int32Array(n),
    dayEnd: new Int32Array(n),
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    type: new Int32Array(n),
    precision: new Uint8Array(n),
    actorStart: new Uint32Array(n + 1),
    sourceStart: new Uint32Array(n + 1),
  };
  const actors: number[] = [];
  const articles: number[] = [];
  events.forEach((e, i) => {
    t.day[i] = dayOf(e.date);
    t.dayEnd[i] = dayOf(e.dateEnd ?? e.date);
    t.lon[i] = e.place.lon;
    t.lat[i] = e.place.lat;
    t.type[i] = typeCode(e.type);
    t.precision[i] = placePrecisions.indexOf(e.place.precision);
    for (const a of e.actors) actors.push(actorCode(a));
    t.actorStart[i + 1] = actors.length;
    for (const s of e.sources) articles.push(articleCode(s.articleId));
    t.sourceStart[i + 1] = articles.length;
  });
  const texts: string[] = [];
  return {
    meta,
    size: n,
    ...t,
    typeIds,
    actorIds,
    articleIds,
    actorCodes: Int32Array.from(actors),
    sourceArticles: Int32Array.from(articles),
    detailsFile: null,
    hasDetails: true,
    event: (i) => events[i] as ConflictEvent,
    rowOf: idIndex(
      n,
      (i) => (events[i] as ConflictEvent).id,
      (i) => (events[i] as ConflictEvent).sources.map((s) => s.key),
    ),
    text: (i) => {
      texts[i] ??= `${events[i]?.summary}\n${events[i]?.place.name}`.toLowerCase();
      return texts[i];
    },
  };
}
