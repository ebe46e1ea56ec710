/** Filters: search, dates, event types, actors (any of), place precision, outlets — with counts. */
import { memo, useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import type { EventTable } from '../../data/event-table.ts';
import { placePrecisions } from '../../shared/schema.ts';
import { countFacetValues, type FilterContext, facetFailures } from '../../state/filter-events.ts';
import { type FacetKey, type Filters, hasFilters } from '../../state/filter-table.ts';

interface Props {
  table: EventTable;
  filters: Filters;
  context: FilterContext;
  onChange: (patch: Partial<Filters>) => void;
  /** Chooses a facet's value or unchooses it (stable from render to render). */
  onToggle: (facet: FacetKey, id: string) => void;
  onClear: () => void;
}

interface Option {
  id: string;
  name: string;
  color?: string;
}

/** One value of a facet. Memoized with stable props, so a re-render of the panel (a keystroke, new
 * counts) touches only the options whose count or box changed: a corpus of 2,000 articles is 2,000
 * checkboxes, and updating each one every time cost about 100 ms. */
const FacetOption = memo(function FacetOption({
  facet,
  option,
  checked,
  count,
  onToggle,
}: {
  facet: FacetKey;
  option: Option;
  checked: boolean;
  count: number;
  onToggle: (facet: FacetKey, id: string) => void;
}) {
  const toggle = useCallback(() => onToggle(facet, option.id), [onToggle, facet, option.id]);
  return (
    <label className="facet-option">
      <input type="checkbox" checked={checked} onChange={toggle} />
      {option.color && <span className="swatch" style={{ background: option.color }} aria-hidden="true" />}
      <span>{option.name}</span>
      <span className="muted facet-count">{count}</span>
    </label>
  );
});

function Facet({
  legend,
  facet,
  options,
  selected,
  table,
  fails,
  onToggle,
}: {
  legend: string;
  facet: FacetKey;
  options: readonly Option[];
  selected: readonly string[];
  table: EventTable;
  fails: Uint16Array;
  onToggle: (facet: FacetKey, id: string) => void;
}) {
  const counts = useMemo(() => countFacetValues(table, fails, facet), [table, fails, facet]);
  const [all, setAll] = useState(false);
  const long = options.length > SHORT_FACET + 3;
  const shown = useMemo(
    () => (long && !all ? mostFrequent(options, counts, selected) : options),
    [long, all, options, counts, selected],
  );
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {shown.map((o) => (
        <FacetOption
          key={o.id}
          facet={facet}
          option={o}
          checked={selected.includes(o.id)}
          count={counts.get(o.id) ?? 0}
          onToggle={onToggle}
        />
      ))}
      {long && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll((x) => !x)}>
          {all ? 'Show the most frequent' : `Show all ${options.length.toLocaleString('en')}`}
        </button>
      )}
    </fieldset>
  );
}

/** A facet with more values than this (and a few) shows its most frequent ones until "Show all": a
 * corpus of 2,000 articles would otherwise be 2,000 checkboxes to scroll past, updated at each count. */
const SHORT_FACET = 12;

/** The SHORT_FACET values with the most events (ties in the facet's order), then any other chosen. */
function mostFrequent(options: readonly Option[], counts: Map<string, number>, selected: readonly string[]) {
  const top = [...options]
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))
    .slice(0, SHORT_FACET);
  const inTop = new Set(top.map((o) => o.id));
  return [...top, ...options.filter((o) => selected.includes(o.id) && !inTop.has(o.id))];
}

/** Each facet's options, in the order shown. */
function facetOptions(data: EventTable['meta']): Record<FacetKey, Option[]> {
  return {
    types: data.eventTypes,
    actors: data.actors,
    precisions: placePrecisions.map((p) => ({ id: p, name: p })),
    outlets: [...new Set(data.articles.map((a) => a.outlet).filter((o): o is string => Boolean(o)))]
      .sort()
      .map((o) => ({ id: o, name: o })),
    articles: data.articles.map((a) => ({
      id: a.id,
      name: `${a.title} (${[a.outlet, a.published].filter(Boolean).join(', ')})`,
    })),
  };
}

export function FilterPanel({ table, filters, context, onChange, onToggle, onClear }: Props) {
  const id = useId();
  const data = table.meta;
  // Counts (a pass over every event) follow at lower priority than the map and the boxes themselves.
  // The search context too: it changes when a search starts (its index is made), and counting with it
  // in the keystroke's own render took 100 ms at 10^6 events.
  const deferred = useDeferredValue(filters);
  const deferredContext = useDeferredValue(context);
  // Each facet counts its own values from these: at 10^6 events, a piece of work each, between which
  // the page can answer input.
  const fails = useMemo(
    () => facetFailures(table, deferred, deferredContext),
    [table, deferred, deferredContext],
  );
  const options = useMemo(() => facetOptions(data), [data]);
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
        facet="types"
        options={options.types}
        selected={filters.types}
        table={table}
        fails={fails}
        onToggle={onToggle}
      />
      <Facet
        legend="Actors (any of)"
        facet="actors"
        options={options.actors}
        selected={filters.actors}
        table={table}
        fails={fails}
        onToggle={onToggle}
      />
      <Facet
        legend="Place precision"
        facet="precisions"
        options={options.precisions}
        selected={filters.precisions}
        table={table}
        fails={fails}
        onToggle={onToggle}
      />
      {options.outlets.length > 0 && (
        <Facet
          legend="Outlets"
          facet="outlets"
          options={options.outlets}
          selected={filters.outlets}
          table={table}
          fails={fails}
          onToggle={onToggle}
        />
      )}
      <Facet
        legend="Articles"
        facet="articles"
        options={options.articles}
        selected={filters.articles}
        table={table}
        fails={fails}
        onToggle={onToggle}
      />
      <button type="button" onClick={onClear} disabled={!hasFilters(filters)}>
        Clear all filters
      </button>
    </section>
  );
}
