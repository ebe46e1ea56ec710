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

/** A sub-event type named as "type/subtype". */
const typeRef = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected "type/subtype"');
const subtypeRow = z.object({
  id: z.string(),
  name: z.string(),
  acled: z.string().optional(),
  definition: z.string().optional(),
  triggers: z.array(z.string()).min(1),
  /** "type/subtype" this becomes when its target is unarmed (the codebook's recoding by actors). */
  'against-unarmed': typeRef.optional(),
  /** "type/subtype" this becomes when both sides are armed. */
  'between-armed': typeRef.optional(),
  /** "type/subtype" this becomes when the sentence tells of arrests or force used on it. */
  intervened: typeRef.optional(),
  /** Actor 1 makes the arrest (the authority by default), actor 2 is arrested (the victim by default). */
  arrest: z.boolean().default(false),
});
const typeRow = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** Types of one group can tell one happening: a headline or a toll joins the body's event. */
  group: z.string().optional(),
  /** The target cannot respond: an unnamed hand is the perpetrator, a lone named victim is actor 2. */
  'one-sided': z.boolean().default(false),
  /** The target is the victim type unless the sentence names it. */
  'against-civilians': z.boolean().default(false),
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
  const types = loadList(file, typeRow);
  const known = new Set(types.flatMap((t) => t.subtypes.map((st) => `${t.id}/${st.id}`)));
  for (const t of types)
    for (const st of t.subtypes)
      for (const field of ['against-unarmed', 'between-armed', 'intervened'] as const) {
        const ref = st[field];
        if (ref && !known.has(ref))
          throw new Error(`${file}: ${t.id}/${st.id}: ${field}: no sub-type ${ref}`);
      }
  return types;
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
  /** An organised armed actor. */
  armed: z.boolean().default(false),
  /** The actor a sentence leaves out: who does unnamed violence, its targets, who makes arrests. */
  'stands-in': z.enum(['perpetrator', 'victim', 'authority']).optional(),
});
export type ActorTypeEntry = z.infer<typeof actorTypeRow>;

export function loadActorTypes(file: string): ActorTypeEntry[] {
  const types = loadList(file, actorTypeRow);
  for (const role of ['perpetrator', 'victim', 'authority'] as const) {
    const n = types.filter((t) => t['stands-in'] === role).length;
    if (n !== 1) throw new Error(`${file}: exactly one type must have "stands-in: ${role}" (found ${n})`);
  }
  return types;
}
