/** The app proper, loaded by src/main.tsx once the events request is on its way. */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { eventsQuery } from '../data/queries.ts';
import { useAppUpdate } from '../state/app-update.ts';
import { reportLoadProgress } from '../state/load-progress.ts';
import { App, eventsUrl } from './App.tsx';
import { DataRefused } from './DataRefused.tsx';
import { startServiceWorker } from './service-worker.ts';
import { initialDataSource, refusedDataSource } from './url-sync.ts';

// Event data is static for the life of the page: load once, never refetch.
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, refetchOnWindowFocus: false, retry: 1 } },
});

// Start loading the events now, not after the first render has built the map (a few hundred ms).
if (!refusedDataSource) void queryClient.prefetchQuery(eventsQuery(eventsUrl, reportLoadProgress(eventsUrl)));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {refusedDataSource ? (
        <DataRefused host={refusedDataSource} />
      ) : (
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      )}
    </StrictMode>,
  );
}

// Offline after the first visit (see vite.config.ts): the service worker exists only in builds.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  startServiceWorker(eventsUrl, initialDataSource === null, () => useAppUpdate.setState({ ready: true }));
