/**
 * The events file's request, started by a tiny entry script (src/early.ts) as soon as the page
 * parses, while the app's bundle (MapLibre, React) is still loading and running: for a large file
 * that overlap is most of a second. The app takes the response over; a retry fetches afresh.
 */
import { urlSchema } from '../state/url-state.ts';

export const DEFAULT_DATA_URL = `${import.meta.env.BASE_URL}data/events.json`;

/** The events file this page shows: a valid ?data= link, else the built-in data. */
export function pageDataUrl(): string {
  const raw = new URLSearchParams(window.location.search).get(urlSchema.data.param);
  return (raw !== null ? urlSchema.data.decode(raw) : null) ?? DEFAULT_DATA_URL;
}

const early = new Map<string, Promise<Response>>();

export function startFetch(url: string): void {
  if (!early.has(url)) early.set(url, fetch(url));
}

/** The early response for url once, then plain fetches. */
export function takeFetch(url: string): Promise<Response> {
  const started = early.get(url);
  early.delete(url);
  return started ?? fetch(url);
}
