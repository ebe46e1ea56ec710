/** The events file's loading state: how far it has been read, or why it failed with a retry. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { LoadedTable } from '../data/event-table.ts';
import { useLoadProgress } from '../state/load-progress.ts';

const count = (n: number) => n.toLocaleString('en');
/** A message as a sentence: ending with a full stop unless it has its own. */
const sentence = (m: string) => (/[.!?]$/.test(m) ? m : `${m}.`);

export function LoadStatus({ query, url }: { query: UseQueryResult<LoadedTable>; url: string }) {
  const progress = useLoadProgress(url);
  if (query.isError)
    return (
      <div role="alert" className="notice error">
        <p>
          {sentence(query.error.message)} The map still works; check the file or the <code>?data=</code> link.
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
  // JSON is counted in events as they are read; an Arrow file in megabytes as it downloads.
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const read = !progress
    ? ''
    : progress.events > 0
      ? ` ${count(progress.events)} read${share}`
      : progress.bytes > 0
        ? ` ${mb(progress.bytes)}${progress.totalBytes ? ` of ${mb(progress.totalBytes)}` : ''} MB`
        : '';
  return (
    <p className="muted" role="status">
      Loading events…{read}
    </p>
  );
}
