/** The events file's loading state: how far it has been read, or why it failed with a retry. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { LoadedTable } from '../data/event-table.ts';
import { useLoadProgress } from '../state/load-progress.ts';

const count = (n: number) => n.toLocaleString('en');

export function LoadStatus({ query, url }: { query: UseQueryResult<LoadedTable>; url: string }) {
  const progress = useLoadProgress(url);
  if (query.isError)
    return (
      <div role="alert" className="notice error">
        <p>
          {query.error.message} The map still works; check the file or the <code>?data=</code> link.
        </p>
        <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Trying again…' : 'Try again'}
        </button>
      </div>
    );
  if (!query.isPending) return null;
  const share = progress?.totalBytes
    ? ` (${Math.min(100, Math.round((100 * progress.bytes) / progress.totalBytes))} %)`
    : '';
  return (
    <p className="muted" role="status">
      {progress && progress.events > 0
        ? `Loading events… ${count(progress.events)} read${share}`
        : 'Loading events…'}
    </p>
  );
}
