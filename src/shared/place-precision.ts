/**
 * Place precision beyond its spelling in the contract (schema.ts, finest first): which precisions are
 * coarse — a region or a country, drawn hollow on the map so nobody mistakes a centroid for a place.
 */
import { type PlacePrecision, placePrecisions } from './schema.ts';

export const COARSE_PRECISIONS: readonly PlacePrecision[] = ['region', 'country'];

export const isCoarse = (p: PlacePrecision): boolean => COARSE_PRECISIONS.includes(p);

/** Whether each precision code (an index into placePrecisions) is coarse, for typed-column loops. */
export const COARSE_BY_CODE: readonly boolean[] = placePrecisions.map(isCoarse);

/** A precision's rank, finest first (exact 0 … country 4): the contract's order. */
export const precisionRank = (p: PlacePrecision): number => placePrecisions.indexOf(p);
