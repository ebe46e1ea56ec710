/**
 * The page's entry: a few hundred bytes that start loading the events file, then load the app (React,
 * MapLibre: most of a second to fetch and run) while the data arrives.
 */
import { pageDataUrl, startFetch } from './data/early-fetch.ts';

startFetch(pageDataUrl());
void import('./app/start.tsx');
