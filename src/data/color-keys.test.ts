import { describe, expect, it } from 'vitest';
import type { ConflictEvent } from '../shared/schema.ts';
import { seedEvents } from '../testing/seed-data.ts';
import { colourKeys, FALLBACK_COLOUR } from './color-keys.ts';
import { tableFromEvents } from './event-table.ts';

const template = seedEvents.events[0] as ConflictEvent;
const withActors = (id: string, actors: string[]): ConflictEvent => ({ ...template, id, actors });

describe('colour keys', () => {
  it('colours by type with the taxonomy colours', () => {
    const t = tableFromEvents(seedEvents);
    const k = colourKeys(t, 'type');
    for (let i = 0; i < t.size; i++) {
      const type = seedEvents.eventTypes.find((e) => e.id === t.event(i).type);
      expect(k.colors[k.code[i] as number]).toBe(type?.color ?? FALLBACK_COLOUR);
    }
  });
  it('colours by the first actor with a colour that is not civilians', () => {
    const coloured = seedEvents.actors.filter((a) => a.id !== 'civilians' && a.color);
    const [first, second] = coloured;
    if (!first || !second) throw new Error('two coloured actors');
    const t = tableFromEvents({
      ...seedEvents,
      events: [
        withActors('a', ['civilians', second.id, first.id]),
        withActors('b', ['not-in-the-file', first.id]),
        withActors('c', []),
      ],
    });
    const k = colourKeys(t, 'actor');
    const keyOf = (id: string) => k.keys[k.code[t.rowOf(id)] as number];
    expect(keyOf('a')).toBe(second.id);
    expect(keyOf('b')).toBe(first.id);
    expect(k.code[t.rowOf('c')]).toBe(-1);
    expect(k.colors[k.keys.indexOf('not-in-the-file')]).toBe(FALLBACK_COLOUR);
  });
});
