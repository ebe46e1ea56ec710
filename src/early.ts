/** First entry script of the page (see index.html): starts loading the events file right away. */
import { pageDataUrl, startFetch } from './data/early-fetch.ts';

startFetch(pageDataUrl());
