/**
 * The events file's request, started by the page's tiny entry script (src/main.tsx) before the app's
 * bundle (MapLibre, React) has even loaded: for a large file that overlap is a good part of a second.
 * The app takes the response over; a retry fetches afresh. No heavy imports here.
 */
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
