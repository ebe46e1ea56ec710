/** The events list: the map's text alternative, in date order, shown a page at a time. */
import { memo, type ReactNode, useState } from 'react';
import { formatEventDate } from '../../shared/format.ts';
import type { ConflictEvent, Envelope } from '../../shared/schema.ts';

interface Props {
  data: Envelope;
  /** How many events and the one at each position (materialised only for the rows shown). */
  count: number;
  eventAt: (position: number) => ConflictEvent;
  /** The colour of the event at a position, as the map colours it. */
  swatchAt: (position: number) => string;
  title: string;
  /** What the list says when it has no events (why, and a way out). */
  empty: ReactNode;
  onChoose: (id: string) => void;
}

/** Rows rendered at first and per "Show more": a list of 100,000 buttons would stall the page. */
export const PAGE_SIZE = 200;

/** Memoised: a filter change re-renders the list at low priority, not with the map. */
export const EventList = memo(function EventList({
  data,
  count,
  eventAt,
  swatchAt,
  title,
  empty,
  onChoose,
}: Props) {
  // A new set of events (filters changed) starts again at the first page.
  const [page, setPage] = useState({ of: eventAt, shown: PAGE_SIZE });
  const shown = Math.min(count, page.of === eventAt ? page.shown : PAGE_SIZE);
  const events = Array.from({ length: shown }, (_, i) => eventAt(i));
  const typeName = new Map(data.eventTypes.map((t) => [t.id, t]));
  return (
    <section aria-labelledby="event-list-title" className="event-list">
      <h2 id="event-list-title">{title}</h2>
      {count === 0 && empty}
      <ol>
        {events.map((e, position) => {
          const t = typeName.get(e.type);
          return (
            <li key={e.id}>
              <button
                type="button"
                className="event-item"
                data-event-id={e.id}
                aria-label={`${e.place.name}, ${formatEventDate(e)}: ${t?.name ?? e.type}`}
                onClick={() => onChoose(e.id)}
              >
                <span className="swatch" style={{ background: swatchAt(position) }} aria-hidden="true" />
                <span className="item-main">
                  <span className="item-place">{e.place.name}</span>
                  <span className="item-date">{formatEventDate(e)}</span>
                </span>
                <span className="item-summary">{e.summary}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {count > shown && (
        <button
          type="button"
          className="link-button"
          onClick={() => setPage({ of: eventAt, shown: shown + PAGE_SIZE })}
        >
          Show {Math.min(PAGE_SIZE, count - shown)} more of {count - shown} not shown
        </button>
      )}
    </section>
  );
});
