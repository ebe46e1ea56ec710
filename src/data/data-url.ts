/**
 * Which events file a page shows: a link's ?data= (same-origin paths or https URLs only: a data file is
 * fetched, never executed), else the built-in data. Pure: the caller passes the page's address. No
 * imports: the page's first script uses it before anything else loads.
 */
export const DATA_PARAM = 'data';

export const DEFAULT_DATA_URL = `${import.meta.env.BASE_URL}data/events.json`;

/** The absolute URL a ?data= value names, or undefined when a link may not name it. */
export function decodeDataUrl(raw: string, pageHref: string): string | undefined {
  try {
    const page = new URL(pageHref);
    const u = new URL(raw, page);
    if (u.origin === page.origin || u.protocol === 'https:') return u.href;
  } catch {
    /* invalid URL: dropped with a notice */
  }
  return undefined;
}

/** The events file for a page address: a valid ?data=, else the built-in data. */
export function dataUrlOf(pageHref: string): string {
  const raw = new URL(pageHref).searchParams.get(DATA_PARAM);
  return (raw !== null ? decodeDataUrl(raw, pageHref) : undefined) ?? DEFAULT_DATA_URL;
}

/** The host a data file comes from when it is not this site's (its events are that file's claims), else
 * null. */
export function foreignHost(dataUrl: string, pageHref: string): string | null {
  try {
    const data = new URL(dataUrl, pageHref);
    return data.origin === new URL(pageHref).origin ? null : data.host;
  } catch {
    return null;
  }
}
