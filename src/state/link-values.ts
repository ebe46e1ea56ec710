/**
 * Facet values a link names that the loaded data does not have (a link made for other data, or
 * mistyped): once the data arrives they are dropped from the filters, and the notices say which
 * ("Ignored “actors” values not in this data set: nobody."), as for any other bad parameter. Kept,
 * they would filter every event out with nothing to say why.
 */
import { useEffect, useState } from 'react';
import type { EventTable } from '../data/event-table.ts';
import { type Filters, unknownFacetValues } from './filter-table.ts';
import { useUi } from './store.ts';

export function useDropUnknownLinkValues(table: EventTable | undefined): string[] {
  const [said, setSaid] = useState<string[]>([]);
  useEffect(() => {
    if (!table) return;
    const { filters, setFilters } = useUi.getState();
    const unknown = unknownFacetValues(table, filters);
    if (!unknown.length) return;
    const patch: Partial<Filters> = {};
    for (const { key, values } of unknown)
      Object.assign(patch, { [key]: (filters[key] as string[]).filter((v) => !values.includes(v)) });
    setFilters(patch);
    setSaid(unknown.map((u) => `Ignored “${u.param}” values not in this data set: ${u.values.join(', ')}.`));
  }, [table]);
  return said;
}
