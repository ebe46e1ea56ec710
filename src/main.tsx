/**
 * The page's entry: a few hundred bytes that start reading the events file (in a worker), then load
 * the app (React, MapLibre: most of a second to fetch and run) while the data arrives. It reads the
 * page's address once, for the data file (which an embed refuses when it is another site's); from then
 * on src/app/url-sync.ts is the only reader of the URL (the same decision: both call dataUrlOf).
 */
import { dataUrlOf, foreignHost } from './data/data-url.ts';
import { startRead } from './data/early-fetch.ts';

const page = window.location.href;
const dataUrl = dataUrlOf(page);
// An embed (?embed=1, the `embed` entry of src/state/url-state.ts) refuses a file from another site:
// it is not even requested.
const embedded = new URL(page).searchParams.get('embed') === '1';
if (!(embedded && foreignHost(dataUrl, page))) startRead(dataUrl);
void import('./app/start.tsx');
