/** Which events files a link may name: same-origin paths or https URLs only (a data file is fetched,
 * never executed). No imports: the first script of the page uses it before anything else loads. */
export const DATA_PARAM = 'data';

export function decodeDataUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw, window.location.href);
    if (u.origin === window.location.origin || u.protocol === 'https:') return u.href;
  } catch {
    /* invalid URL: dropped with a notice */
  }
  return undefined;
}
