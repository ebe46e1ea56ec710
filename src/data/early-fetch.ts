/**
 * The events file's request, started by the page's tiny entry script (src/main.tsx) before the app's
 * bundle (MapLibre, React) has even loaded: for a large file that overlap is a good part of a second.
 * The app takes the response over; a retry fetches afresh. No heavy imports here.
 */
import { DATA_PARAM, decodeDataUrl } from '../state/data-url.ts';

export const DEFAULT_DATA_URL = `${import.meta.env.BASE_URL}data/events.json`;

/** The events file this page shows: a valid ?data= link, else the built-in data. */
export function pageDataUrl(): string {
  const raw = new URLSearchParams(window.location.search).get(DATA_PARAM);
  return (raw !== null ? decodeDataUrl(raw) : null) ?? DEFAULT_DATA_URL;
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
