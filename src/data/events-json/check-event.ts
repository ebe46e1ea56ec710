/**
 * The data contract's event rules (eventSchema in src/shared/schema.ts) as plain checks, for reading a
 * million events: zod answers the same question several times slower. A test holds the two to the same
 * verdict on generated and mutated events. Returns the first problem, or null; `days` receives the
 * event's first and last day numbers.
 */
import { dayOfIsoChecked } from '../../shared/days.ts';
import { datePrecisions, type Issue, placePrecisions } from '../../shared/schema.ts';

const DATE_PRECISIONS = new Set<unknown>(datePrecisions);
const PLACE_PRECISIONS = new Set<unknown>(placePrecisions);
const COUNTRY = /^[A-Z]{2}$/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): boolean => isNumber(v) && Number.isSafeInteger(v) && v >= 0;
const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);
const isString = (v: unknown) => typeof v === 'string';
const isName = (v: unknown) => typeof v === 'string' && v.length > 0;

const problem = (path: string, message: string): Issue => ({ path, message });

function placeProblem(p: unknown): Issue | null {
  if (!isObject(p)) return problem('place', 'expected an object');
  if (!isName(p.name)) return problem('place.name', 'expected a non-empty name');
  if (!isNumber(p.lat) || p.lat < -90 || p.lat > 90) return problem('place.lat', 'latitude outside -90…90');
  if (!isNumber(p.lon) || p.lon < -180 || p.lon > 180)
    return problem('place.lon', 'longitude outside -180…180');
  if (typeof p.country !== 'string' || !COUNTRY.test(p.country))
    return problem('place.country', 'expected an ISO 3166-1 alpha-2 code');
  if (!optional(p.admin1, isString)) return problem('place.admin1', 'expected text');
  if (!PLACE_PRECISIONS.has(p.precision))
    return problem('place.precision', `not one of ${placePrecisions.join(', ')}`);
  if (!optional(p.gazetteerId, isString)) return problem('place.gazetteerId', 'expected text');
  return null;
}

function sourcesProblem(sources: unknown): Issue | null {
  if (!Array.isArray(sources) || sources.length === 0)
    return problem('sources', 'an event needs at least one source');
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k];
    if (!isObject(s)) return problem(`sources.${k}`, 'expected an object');
    if (!isName(s.articleId)) return problem(`sources.${k}.articleId`, 'expected an article id');
    if (!isCount(s.start)) return problem(`sources.${k}.start`, 'expected a character offset');
    if (!isCount(s.end)) return problem(`sources.${k}.end`, 'expected a character offset');
    if (!optional(s.key, isString)) return problem(`sources.${k}.key`, 'expected text');
    if ((s.end as number) <= (s.start as number))
      return problem(`sources.${k}`, 'source end must be after start');
  }
  return null;
}

export function eventProblem(e: unknown, days: Int32Array): Issue | null {
  if (!isObject(e)) return problem('', 'expected an event object');
  if (!isName(e.id)) return problem('id', 'missing id');
  if (!isName(e.type)) return problem('type', 'missing type');
  if (!optional(e.subtype, isString)) return problem('subtype', 'expected text');
  if (!isString(e.summary)) return problem('summary', 'expected text');
  const day = typeof e.date === 'string' ? dayOfIsoChecked(e.date) : Number.NaN;
  if (Number.isNaN(day)) return problem('date', 'expected a real calendar day as YYYY-MM-DD');
  const end =
    e.dateEnd === undefined ? day : typeof e.dateEnd === 'string' ? dayOfIsoChecked(e.dateEnd) : Number.NaN;
  if (Number.isNaN(end)) return problem('dateEnd', 'expected a real calendar day as YYYY-MM-DD');
  if (!DATE_PRECISIONS.has(e.datePrecision))
    return problem('datePrecision', `not one of ${datePrecisions.join(', ')}`);
  const place = placeProblem(e.place);
  if (place) return place;
  if (!Array.isArray(e.actors) || !e.actors.every(isString))
    return problem('actors', 'expected a list of actor ids');
  if (!optional(e.fatalities, isCount)) return problem('fatalities', 'expected a whole number of deaths');
  const sources = sourcesProblem(e.sources);
  if (sources) return sources;
  if (end < day) return problem('dateEnd', 'dateEnd is before date');
  days[0] = day;
  days[1] = end;
  return null;
}
