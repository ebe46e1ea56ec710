/**
 * The service worker's life on the page (see vite.config.ts for what it caches): registered after the
 * page has loaded; on a first visit, once it controls the page, this site's events file is fetched again
 * through it so that it is cached for offline use (the first load went straight to the network); when a
 * new version takes over an open page, the page is told so it can offer a reload; and if sw.js is gone
 * from the server, any worker left from before is unregistered, so an old app is not served forever.
 */
/** `ownData`: the events file is this site's (a file from elsewhere is not cached). */
export function startServiceWorker(eventsUrl: string, ownData: boolean, onUpdate: () => void): void {
  const sw = navigator.serviceWorker;
  const firstVisit = !sw.controller;
  sw.addEventListener('controllerchange', () => {
    if (!firstVisit) onUpdate();
    else if (ownData) void fetch(eventsUrl).catch(() => undefined);
  });
  const register = () =>
    sw.register(`${import.meta.env.BASE_URL}sw.js`).catch(async (e: unknown) => {
      console.warn('Offline support is unavailable:', e);
      for (const r of await sw.getRegistrations()) await r.unregister();
    });
  // This module loads after the entry script, possibly after the page's load event.
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register());
}
