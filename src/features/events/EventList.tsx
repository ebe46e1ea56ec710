/** The events list: the map's text alternative, in date order. */
import { formatEventDate } from '../../shared/format.ts';
import type { ConflictEvent, EventsFile } from '../../shared/schema.ts';

interface Props {
  data: EventsFile;
  events: ConflictEvent[];
  title: string;
  onChoose: (id: string) => void;
}

export function EventList({ data, events, title, onChoose }: Props) {
  const typeName = new Map(data.eventTypes.map((t) => [t.id, t]));
  return (
    <section aria-labelledby="event-list-title" className="event-list">
      <h2 id="event-list-title">{title}</h2>
      <ol>
        {events.map((e) => {
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
                <span className="swatch" style={{ background: t?.color }} aria-hidden="true" />
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
    </section>
  );
}
