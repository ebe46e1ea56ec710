/** Filters: search, dates, event types, actors (any of), place precision, outlets — with counts. */
import { useDeferredValue, useId, useMemo } from 'react';
import type { EventTable } from '../../data/event-table.ts';
import { placePrecisions } from '../../shared/schema.ts';
import { type FilterContext, facetCounts } from '../../state/filter-events.ts';
import { type Filters, hasFilters } from '../../state/filter-table.ts';

interface Props {
  table: EventTable;
  filters: Filters;
  context: FilterContext;
  onChange: (patch: Partial<Filters>) => void;
  onClear: () => void;
}

function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

function Facet({
  legend,
  options,
  selected,
  counts,
  onToggle,
}: {
  legend: string;
  options: { id: string; name: string; color?: string }[];
  selected: string[];
  counts: Map<string, number>;
  onToggle: (id: string) => void;
}) {
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="facet-option">
          <input type="checkbox" checked={selected.includes(o.id)} onChange={() => onToggle(o.id)} />
          {o.color && <span className="swatch" style={{ background: o.color }} aria-hidden="true" />}
          <span>{o.name}</span>
          <span className="muted facet-count">{counts.get(o.id) ?? 0}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function FilterPanel({ table, filters, context, onChange, onClear }: Props) {
  const id = useId();
  const data = table.meta;
  // Counts (a pass over every event) follow at lower priority than the map and the boxes themselves.
  const deferred = useDeferredValue(filters);
  const counts = useMemo(() => facetCounts(table, deferred, context), [table, deferred, context]);
  const outlets = [
    ...new Set(data.articles.map((a) => a.outlet).filter((o): o is string => Boolean(o))),
  ].sort();
  return (
    <section className="filters" aria-label="Filters">
      <div className="filter-row">
        <label htmlFor={`${id}-q`}>Search</label>
        <input
          id={`${id}-q`}
          type="search"
          value={filters.q}
          placeholder="summaries, places, passages"
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </div>
      <div className="filter-row dates">
        <label>
          From{' '}
          <input
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => onChange({ from: e.target.value || null })}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={filters.to ?? ''}
            onChange={(e) => onChange({ to: e.target.value || null })}
          />
        </label>
      </div>
      <Facet
        legend="Event types"
        options={data.eventTypes}
        selected={filters.types}
        counts={counts.types}
        onToggle={(t) => onChange({ types: toggle(filters.types, t) })}
      />
      <Facet
        legend="Actors (any of)"
        options={data.actors}
        selected={filters.actors}
        counts={counts.actors}
        onToggle={(a) => onChange({ actors: toggle(filters.actors, a) })}
      />
      <Facet
        legend="Place precision"
        options={placePrecisions.map((p) => ({ id: p, name: p }))}
        selected={filters.precisions}
        counts={counts.precisions}
        onToggle={(p) =>
          onChange({ precisions: toggle(filters.precisions, p as (typeof placePrecisions)[number]) })
        }
      />
      {outlets.length > 0 && (
        <Facet
          legend="Outlets"
          options={outlets.map((o) => ({ id: o, name: o }))}
          selected={filters.outlets}
          counts={counts.outlets}
          onToggle={(o) => onChange({ outlets: toggle(filters.outlets, o) })}
        />
      )}
      <Facet
        legend="Articles"
        options={data.articles.map((a) => ({
          id: a.id,
          name: `${a.title} (${[a.outlet, a.published].filter(Boolean).join(', ')})`,
        }))}
        selected={filters.articles}
        counts={counts.articles}
        onToggle={(a) => onChange({ articles: toggle(filters.articles, a) })}
      />
      <button type="button" onClick={onClear} disabled={!hasFilters(filters)}>
        Clear all filters
      </button>
    </section>
  );
}
