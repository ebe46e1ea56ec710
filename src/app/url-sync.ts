/**
 * The only code that touches location and history (the map view in the hash is MapLibre's own).
 * Discrete changes (selecting an event) push a history entry; continuous ones (filters, brushing,
 * typing) replace it; Back/Forward restore the state from the URL.
 */
import { useEffect } from 'react';
import { DEFAULT_DATA_URL, foreignHost } from '../data/data-url.ts';
import { type UiState, useUi } from '../state/store.ts';
import { decodeSearch, encodeSearch, isDiscreteChange, type ShareableState } from '../state/url-state.ts';

export const initialUrl = decodeSearch(window.location.search, window.location.href);
/** The compact view for an iframe (?embed=1), for the life of the page. */
export const embedded = initialUrl.state.embed;
/** The events file this page shows: the link's ?data= or the built-in data (as src/main.tsx decided). */
export const initialDataUrl = initialUrl.state.data ?? DEFAULT_DATA_URL;
/** The host of the data file when it is not this site's, else null. */
export const initialDataSource = foreignHost(initialDataUrl, window.location.href);
/** Embedded, a file from another site is refused (its host, else null): a frame hides the address bar,
 * so a reader could not tell that the events are that file's claims (src/main.tsx does not read it). */
export const refusedDataSource = embedded ? initialDataSource : null;

/** Loads the page again (a new version of the app is ready). */
export const reloadPage = (): void => window.location.reload();
/** Read before MapLibre writes its view into the hash: a link with a view keeps it, one without flies. */
const linkHasView = /^#\d/.test(window.location.hash);
/** Whether the map frames the events on load: not when the link brings a view or names an event. */
export const fitOnLoad = !linkHasView && !new URLSearchParams(window.location.search).has('event');

function shareable(s: UiState): ShareableState {
  return {
    ...s.filters,
    event: s.selectedId,
    data: initialUrl.state.data,
    color: s.colorMode,
    embed: initialUrl.state.embed,
  };
}

function apply(state: ShareableState, fly: boolean): void {
  const { event, data: _data, embed: _embed, color, ...filters } = state;
  useUi.setState((s) => ({
    selectedId: event,
    flyRequest: fly && event ? s.flyRequest + 1 : s.flyRequest,
    filters,
    colorMode: color,
  }));
}

export function useUrlSync(): void {
  useEffect(() => {
    apply(initialUrl.state, !linkHasView);
    let fromHistory = false;
    const unsubscribe = useUi.subscribe((s, prev) => {
      if (fromHistory) return;
      const next = shareable(s);
      const search = encodeSearch(window.location.search, next);
      if (search === window.location.search) return;
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      // In a frame, an entry would be the host page's too: its Back button would step through the map.
      if (!embedded && isDiscreteChange(shareable(prev), next)) window.history.pushState(null, '', url);
      else window.history.replaceState(window.history.state, '', url);
    });
    const onPop = () => {
      fromHistory = true;
      apply(decodeSearch(window.location.search, window.location.href).state, true);
      fromHistory = false;
    };
    window.addEventListener('popstate', onPop);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, []);
}

/** This page's address with `state` changed, for people: in the full app (an embed's links leave it). */
function linkWith(state: Partial<ShareableState>): string {
  const search = encodeSearch(window.location.search, { ...state, embed: false });
  return `${window.location.origin}${window.location.pathname}${search}${window.location.hash}`;
}

/** The address of one event in the current view, for "Copy link". */
export const eventLink = (id: string): string => linkWith({ event: id });

/** The address of the current view, for "Copy link to this view" and an embed's "Open in Conflict Atlas". */
export const viewLink = (): string => linkWith({});
