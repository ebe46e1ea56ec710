/**
 * The only code that touches location and history (the map view in the hash is MapLibre's own).
 * Selecting an event pushes a history entry; Back/Forward restore the selection.
 */
import { useEffect } from 'react';
import { useUi } from '../state/store.ts';
import { decodeSearch, encodeSearch } from '../state/url-state.ts';

export const initialUrl = decodeSearch(window.location.search);

export function useUrlSync(): void {
  useEffect(() => {
    if (initialUrl.state.event)
      useUi.getState().select(initialUrl.state.event, { fly: !/^#\d/.test(window.location.hash) });
    let fromHistory = false;
    const unsubscribe = useUi.subscribe((s, prev) => {
      if (s.selectedId === prev.selectedId || fromHistory) return;
      const search = encodeSearch(window.location.search, { event: s.selectedId });
      window.history.pushState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    });
    const onPop = () => {
      fromHistory = true;
      useUi.getState().select(decodeSearch(window.location.search).state.event, { fly: true });
      fromHistory = false;
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}
