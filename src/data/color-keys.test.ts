import { describe, expect, it } from 'vitest';
import type { ConflictEvent } from '../shared/schema.ts';
import { seedEvents } from '../testing/seed-data.ts';
import { CIVILIAN_KIND, colorKeys, FALLBACK_COLOR } from './color-keys.ts';
import { tableFromFile } from './table-from-columns.ts';

const template = seedEvents.events[0] as ConflictEvent;
const withActors = (id: string, actors: string[]): ConflictEvent => ({ ...template, id, actors });

describe('color keys', () => {
  it('colors by type with the taxonomy colors', () => {
    const t = tableFromFile(seedEvents);
    const k = colorKeys(t, 'type');
    for (let i = 0; i < t.size; i++) {
      const type = seedEvents.eventTypes.find((e) => e.id === t.event(i).type);
      expect(k.colors[k.code[i] as number]).toBe(type?.color ?? FALLBACK_COLOR);
    }
  });
  it('colors by the first actor with a color that is not of the civilian kind', () => {
    const colored = seedEvents.actors.filter((a) => a.kind !== CIVILIAN_KIND && a.color);
    const [first, second] = colored;
    if (!first || !second) throw new Error('two colored actors');
    const t = tableFromFile({
      ...seedEvents,
      events: [
        withActors('a', ['civilians', second.id, first.id]),
        withActors('b', ['not-in-the-file', first.id]),
        withActors('c', []),
      ],
    });
    const k = colorKeys(t, 'actor');
    const keyOf = (id: string) => k.keys[k.code[t.rowOf(id)] as number];
    expect(keyOf('a')).toBe(second.id);
    expect(keyOf('b')).toBe(first.id);
    expect(k.code[t.rowOf('c')]).toBe(-1);
    expect(k.colors[k.keys.indexOf('not-in-the-file')]).toBe(FALLBACK_COLOR);
  });
  it('passes over any actor of the civilian kind, whatever its id', () => {
    const [side] = seedEvents.actors.filter((a) => a.kind !== CIVILIAN_KIND);
    if (!side) throw new Error('an actor');
    const refugees = { id: 'refugees', name: 'Refugees', kind: CIVILIAN_KIND, color: '#abcdef', aliases: [] };
    const t = tableFromFile({
      ...seedEvents,
      actors: [...seedEvents.actors, refugees],
      events: [withActors('a', ['refugees', side.id])],
    });
    const k = colorKeys(t, 'actor');
    expect(k.keys[k.code[0] as number]).toBe(side.id);
  });
});
