/** The export buttons: the filtered events as GeoJSON, or as CSV with their source passages. */
import { useQueryClient } from '@tanstack/react-query';
import type { EventTable } from '../../data/event-table.ts';
import { articleQuery } from '../../data/queries.ts';
import type { Article } from '../../shared/schema.ts';
import { CSV_BOM, download, toCsv, toGeoJson } from './export.ts';

interface Props {
  table: EventTable;
  rows: Uint32Array;
  eventsUrl: string;
  /** The host of a data file from another site, named in every export; null for this site's data. */
  dataSource: string | null;
  /** Events can be read (a split set's details have arrived). */
  detailsReady: boolean;
}

export function ExportButtons({ table, rows, eventsUrl, detailsReady, dataSource }: Props) {
  const queryClient = useQueryClient();
  const events = () => Array.from(rows, (i) => table.event(i));
  const exportGeoJson = () =>
    download(
      'conflict-atlas-events.geojson',
      'application/geo+json',
      JSON.stringify(toGeoJson(events(), table.meta, dataSource), null, 1),
    );
  const exportCsv = async () => {
    const chosen = events();
    const ids = [...new Set(chosen.flatMap((e) => e.sources.map((s) => s.articleId)))];
    const loaded = await Promise.allSettled(
      ids.map((id) => queryClient.fetchQuery(articleQuery(eventsUrl, id))),
    );
    const texts = new Map<string, Article>();
    for (const r of loaded) if (r.status === 'fulfilled') texts.set(r.value.id, r.value);
    download(
      'conflict-atlas-events.csv',
      'text/csv;charset=utf-8',
      CSV_BOM + toCsv(chosen, table.meta, texts, dataSource),
    );
  };
  // No file of no events: the buttons say why they are off.
  const none = rows.length === 0;
  const off = !detailsReady || none;
  return (
    <div className="export">
      <button
        type="button"
        disabled={off}
        onClick={exportGeoJson}
        aria-describedby={none ? 'export-none' : undefined}
      >
        Export GeoJSON
      </button>
      <button
        type="button"
        disabled={off}
        onClick={exportCsv}
        aria-describedby={none ? 'export-none' : undefined}
      >
        Export CSV
      </button>
      {none && (
        <span id="export-none" className="muted">
          No events to export.
        </span>
      )}
    </div>
  );
}
