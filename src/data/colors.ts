/**
 * The fixed colors the map, the timeline and the legend draw with (an event's own color comes from
 * its type or actor in the data file). One place, so a marker and its legend entry cannot drift.
 */
export const COLORS = {
  /** An event whose type or actor has no color. */
  fallback: '#555555',
  /** Several events at one spot: a cluster, or an aggregated site of the point cloud. */
  aggregate: '#33415c',
  /** The ring around the selected event. */
  selection: '#111111',
  /** Symbols in the legend when markers are colored by actor (their shape still means the type). */
  neutral: '#444444',
  /** Halos and outlines that separate a marker from the basemap. */
  halo: '#ffffff',
} as const;

/** A #rrggbb color as bytes. */
export function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
