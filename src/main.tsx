/**
 * The page's entry: a few hundred bytes that start reading the events file (in a worker), then load the app (React,
 * MapLibre: most of a second to fetch and run) while the data arrives. It reads the page's address
 * once, for the data file; from then on src/app/url-sync.ts is the only reader of the URL (the same
 * decision: both call dataUrlOf).
 */
import { dataUrlOf } from './data/data-url.ts';
import { startRead } from './data/early-fetch.ts';

startRead(dataUrlOf(window.location.href));
void import('./app/start.tsx');
