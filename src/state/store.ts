/**
 * UI state (never server data), in slices: selection, filters, view. The only zustand store; its
 * shareable part is mirrored in the URL by src/app/url-sync.ts through src/state/url-state.ts.
 */
import { create } from 'zustand';
import type { ColorMode } from '../data/color-keys.ts';
import type { PlacePrecision } from '../shared/schema.ts';
import { markFilterStart } from './perf.ts';

export interface Filters {
  from: string | null;
  to: string | null;
  actors: string[];
  types: string[];
  q: string;
  /** Place precisions to show; empty means all. */
  precisions: PlacePrecision[];
  outlets: string[];
  /** Article ids: events with a source in any of them. */
  articles: string[];
}

export const NO_FILTERS: Filters = {
  from: null,
  to: null,
  actors: [],
  types: [],
  q: '',
  precisions: [],
  outlets: [],
  articles: [],
};

interface SelectionSlice {
  selectedId: string | null;
  /** Bumped when the map should fly to the selection (a list choice or a link, not a map click). */
  flyRequest: number;
  select: (id: string | null, opts?: { fly?: boolean }) => void;
}

interface FilterSlice {
  filters: Filters;
  setFilters: (patch: Partial<Filters>) => void;
  clearFilters: () => void;
}

interface ViewSlice {
  colorMode: ColorMode;
  setColorMode: (mode: ColorMode) => void;
}

export type UiState = SelectionSlice & FilterSlice & ViewSlice;

export const useUi = create<UiState>((set) => ({
  selectedId: null,
  flyRequest: 0,
  select: (id, opts) =>
    set((s) => ({ selectedId: id, flyRequest: opts?.fly ? s.flyRequest + 1 : s.flyRequest })),
  filters: NO_FILTERS,
  setFilters: (patch) => {
    markFilterStart(); // the map measures 'filter' from here to its next idle
    set((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  clearFilters: () => {
    markFilterStart(); // the map measures 'filter' from here to its next idle
    set({ filters: NO_FILTERS });
  },
  colorMode: 'type',
  setColorMode: (colorMode) => set({ colorMode }),
}));

/** Whether any filter is set: every key of Filters, so a new filter needs no change here. */
export function hasFilters(f: Filters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof Filters)[]).some((k) => {
    const v = f[k];
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
}
