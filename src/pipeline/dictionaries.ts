/**
 * The curated dictionaries: actors (seeds/actors.yaml, extensible with more files) and the event
 * taxonomy (seeds/event-types.yaml). Both are validated on load; a bad row names its file and index.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Actor, EventType } from '../shared/schema.ts';

const actorRow = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  kind: z.string(),
  /** Its own map colour; without one, an actor takes the colour of its ACLED type. */
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  aliases: z.array(z.string()).default([]),
  demonyms: z.array(z.string()).default([]),
  capitals: z.array(z.string()).default([]),
});
export type ActorEntry = z.infer<typeof actorRow>;

const subtypeRow = z.object({
  id: z.string(),
  name: z.string(),
  acled: z.string().optional(),
  definition: z.string().optional(),
  triggers: z.array(z.string()).min(1),
});
const typeRow = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  acled: z.string().optional(),
  definition: z.string().optional(),
  subtypes: z.array(subtypeRow).min(1),
});
export type EventTypeEntry = z.infer<typeof typeRow>;

function loadList<T>(file: string, row: z.ZodType<T>): T[] {
  const raw: unknown = parseYaml(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a YAML list`);
  return raw.map((item, i) => {
    const parsed = row.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}: entry ${i + 1}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data;
  });
}

/** Loads actor files in order; an entry whose id already exists replaces it. */
export function loadActors(files: string[]): ActorEntry[] {
  const byId = new Map<string, ActorEntry>();
  for (const f of files) for (const a of loadList(f, actorRow)) byId.set(a.id, a);
  return [...byId.values()];
}

export function loadEventTypes(file: string): EventTypeEntry[] {
  return loadList(file, typeRow);
}

/** The public part of an actor entry, as written to events.json; `typeColor` when it has none. */
export function publicActor(a: ActorEntry, typeColor: string): Actor {
  return { id: a.id, name: a.name, kind: a.kind, color: a.color ?? typeColor, aliases: a.aliases };
}

export function publicEventType(t: EventTypeEntry): EventType {
  return { id: t.id, name: t.name, color: t.color, ...(t.acled ? { acled: t.acled } : {}) };
}

/** An ACLED actor type and the generic nouns that name actors of that type (seeds/actor-types.yaml). */
const actorTypeRow = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  /** ACLED's name pattern for an actor of this type in a country: "Police Forces of {country}". */
  label: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** ACLED inter code. */
  inter: z.number().int(),
  /** Lower-case lemma phrases ("gunman", "security force", "riot police"). */
  nouns: z.array(z.string()).default([]),
  /** Dictionary kinds (actors.yaml `kind`) that are of this type. */
  kinds: z.array(z.string()).default([]),
});
export type ActorTypeEntry = z.infer<typeof actorTypeRow>;

export function loadActorTypes(file: string): ActorTypeEntry[] {
  return loadList(file, actorTypeRow);
}
