/**
 * Data contract v1: the one schema module shared by the pipeline (which writes the files) and the app
 * (which validates what it loads). Field names are public: outside users build on them.
 * The full description lives in the README, section "Data format (contract v1)".
 */
import { z } from 'zod';
import { dayOfIsoChecked, isIsoDay } from './days.ts';

// No `new Function` code generation: the app runs under a CSP without 'unsafe-eval'.
z.config({ jitless: true });

export const SCHEMA_VERSION = 1 as const;

const isoDay = z.string().refine(isIsoDay, 'expected a real calendar day as YYYY-MM-DD');

export const datePrecisions = ['day', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export const placePrecisions = ['exact', 'town', 'district', 'region', 'country'] as const;
export type PlacePrecision = (typeof placePrecisions)[number];

export const actorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  aliases: z.array(z.string()),
});
export type Actor = z.infer<typeof actorSchema>;

export const eventTypeSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  acled: z.string().optional(),
});
export type EventType = z.infer<typeof eventTypeSchema>;

export const articleMetaSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'article ids use letters, digits, - and _ only'),
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  published: isoDay,
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const articleSchema = articleMetaSchema.extend({ text: z.string() });
export type Article = z.infer<typeof articleSchema>;

export const placeSchema = z.object({
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
  admin1: z.string().optional(),
  precision: z.enum(placePrecisions),
  gazetteerId: z.string().optional(),
});
export type Place = z.infer<typeof placeSchema>;

export const sourceSchema = z
  .object({
    articleId: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** Content key of the passage; an old event id that now names a merged source still resolves. */
    key: z.string().optional(),
  })
  .refine((s) => s.end > s.start, { message: 'source end must be after start' });
export type Source = z.infer<typeof sourceSchema>;

export const eventSchema = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    subtype: z.string().optional(),
    summary: z.string(),
    date: isoDay,
    dateEnd: isoDay.optional(),
    datePrecision: z.enum(datePrecisions),
    place: placeSchema,
    /** Actor ids: who acted first, then on whom (ACLED's actor 1 and actor 2), then others named. */
    actors: z.array(z.string()),
    /** Deaths the source states, when it states them (the lowest figure where sources differ). */
    fatalities: z.number().int().nonnegative().optional(),
    sources: z.array(sourceSchema).min(1),
  })
  .refine((e) => e.dateEnd === undefined || e.dateEnd >= e.date, {
    message: 'dateEnd is before date',
    path: ['dateEnd'],
  });
export type ConflictEvent = z.infer<typeof eventSchema>;

export const eventsFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generatedAt: z.string(),
  actors: z.array(actorSchema),
  eventTypes: z.array(eventTypeSchema),
  articles: z.array(articleMetaSchema),
  events: z.array(eventSchema),
});
export type EventsFile = z.infer<typeof eventsFileSchema>;
/** Everything in an events file but the events: its dictionaries and articles. */
export type Envelope = Omit<EventsFile, 'events'>;

/** The first day an event may have: earlier dates in an events file are taken for errors. */
export const FIRST_EVENT_DAY = '1900-01-01';

/**
 * The days an event of a file may span, as day numbers: from 1900-01-01 to a year after the file was
 * generated (its generatedAt, which the pipeline sets to its newest article's publication day), or a
 * year after today when generatedAt is not a date. Rows outside are dropped and reported.
 */
export function plausibleDays(generatedAt: string, today = Date.now()): [number, number] {
  const made = dayOfIsoChecked(generatedAt.slice(0, 10));
  const last = (Number.isNaN(made) ? Math.floor(today / 86_400_000) : made) + 366;
  return [dayOfIsoChecked(FIRST_EVENT_DAY), last];
}

/** Why a row outside plausibleDays was dropped. */
export const outsideSpan = (generatedAt: string): string =>
  `outside the file's plausible span (${FIRST_EVENT_DAY} to a year after ${generatedAt.slice(0, 10)})`;

export interface Issue {
  path: string;
  message: string;
}

export interface ParsedEventsFile {
  data: EventsFile;
  /** Events dropped because they break the contract: how many and why (first few). */
  dropped: { count: number; reasons: Issue[] };
}

function describeIssues(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

/**
 * Validates an events file. The envelope (version, dictionaries, articles) must be valid; each event
 * is checked on its own so one bad event is reported and dropped while the rest is kept.
 * Throws an Error with a precise message when the file as a whole is unusable.
 */
export function parseEventsFile(input: unknown): ParsedEventsFile {
  const envelope = eventsFileSchema.extend({ events: z.array(z.unknown()) }).safeParse(input);
  if (!envelope.success) {
    const first = describeIssues(envelope.error, '').slice(0, 3);
    throw new Error(
      `not a Conflict Atlas events file (schemaVersion ${SCHEMA_VERSION}): ${first
        .map((i) => `${i.path || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const events: ConflictEvent[] = [];
  const reasons: Issue[] = [];
  let count = 0;
  envelope.data.events.forEach((raw, index) => {
    const parsed = eventSchema.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else {
      count += 1;
      if (reasons.length < 5) reasons.push(...describeIssues(parsed.error, `events.${index}`).slice(0, 1));
    }
  });
  return { data: { ...envelope.data, events }, dropped: { count, reasons } };
}

/** Validates one article file; throws with the first problem. */
export function parseArticle(input: unknown): Article {
  const parsed = articleSchema.safeParse(input);
  if (!parsed.success) {
    const first = describeIssues(parsed.error, '')[0];
    throw new Error(`not a Conflict Atlas article: ${first?.path || '(root)'}: ${first?.message}`);
  }
  return parsed.data;
}
