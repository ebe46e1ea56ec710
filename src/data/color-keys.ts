/**
 * What colors an event, per row: its type, or its main actor (the first actor with a color that is
 * not of kind "civilians": victims are not a side). Computed once per color mode as codes, shared by
 * the map and the timeline.
 */
import { COLORS } from './colors.ts';
import type { EventTable } from './event-table.ts';

/** What markers are colored by (the menu labelled "Colour by": user-facing text stays British English). */
export type ColorMode = 'type' | 'actor';

export interface ColorKeys {
  /** Key code per row, an index into keys; -1 when the row has no key (no actors). */
  code: Int32Array;
  keys: string[];
  colors: string[];
}

export const FALLBACK_COLOR = COLORS.fallback;

/** Actors of this kind never give an event its color. */
export const CIVILIAN_KIND = 'civilians';

export function colorKeys(t: EventTable, mode: ColorMode): ColorKeys {
  if (mode === 'type') {
    const color = new Map(t.meta.eventTypes.map((e) => [e.id, e.color]));
    return {
      code: t.type,
      keys: t.typeIds,
      colors: t.typeIds.map((id) => color.get(id) ?? FALLBACK_COLOR),
    };
  }
  const color = new Map(t.meta.actors.map((a) => [a.id, a.color]));
  // By the actor's kind in the data (actors.yaml), not by one id: any civilian group is passed over.
  const civilian = new Set(t.meta.actors.filter((a) => a.kind === CIVILIAN_KIND).map((a) => a.id));
  const usable = Uint8Array.from(t.actorIds, (id) => (color.has(id) && !civilian.has(id) ? 1 : 0));
  const code = new Int32Array(t.size);
  for (let i = 0; i < t.size; i++) {
    const start = t.actorStart[i] as number;
    const end = t.actorStart[i + 1] as number;
    let chosen = end > start ? (t.actorCodes[start] as number) : -1;
    for (let j = start; j < end; j++) {
      if (usable[t.actorCodes[j] as number]) {
        chosen = t.actorCodes[j] as number;
        break;
      }
    }
    code[i] = chosen;
  }
  return { code, keys: t.actorIds, colors: t.actorIds.map((id) => color.get(id) ?? FALLBACK_COLOR) };
}
