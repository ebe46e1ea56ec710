/** UI state (never server data): the selection, the colour mode. The only zustand store. */
import { create } from 'zustand';

export type ColorMode = 'type' | 'actor';

interface UiState {
  selectedId: string | null;
  colorMode: ColorMode;
  /** Set when the map should fly to the selection (a list choice or a deep link, not a map click). */
  flyRequest: number;
  select: (id: string | null, opts?: { fly?: boolean }) => void;
  setColorMode: (mode: ColorMode) => void;
}

export const useUi = create<UiState>((set) => ({
  selectedId: null,
  colorMode: 'type',
  flyRequest: 0,
  select: (id, opts) =>
    set((s) => ({ selectedId: id, flyRequest: opts?.fly ? s.flyRequest + 1 : s.flyRequest })),
  setColorMode: (colorMode) => set({ colorMode }),
}));
