/**
 * UI state (never server data), in slices: selection, filters, view. The only zustand store; its
 * shareable part is mirrored in the URL by src/app/url-sync.ts through src/state/url-state.ts.
 */
import { create } from 'zustand';
import type { ColorMode } from '../data/color-keys.ts';
import { type FacetKey, type Filters, NO_FILTERS } from './filter-table.ts';
import { markFilterStart } from './perf.ts';

interface SelectionSlice {
  selectedId: string | null;
  /** Bumped when the map should fly to the selection (a list choice or a link, not a map click). */
  flyRequest: number;
  select: (id: string | null, opts?: { fly?: boolean }) => void;
}

interface FilterSlice {
  filters: Filters;
  setFilters: (patch: Partial<Filters>) => void;
  /** Chooses a facet's value, or unchooses it if chosen. */
  toggleFilter: (key: FacetKey, value: string) => void;
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
  toggleFilter: (key, value) => {
    markFilterStart();
    set((s) => {
      const chosen: readonly string[] = s.filters[key];
      const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
      return { filters: { ...s.filters, [key]: next } };
    });
  },
  clearFilters: () => {
    markFilterStart(); // the map measures 'filter' from here to its next idle
    set({ filters: NO_FILTERS });
  },
  colorMode: 'type',
  setColorMode: (colorMode) => set({ colorMode }),
}));
