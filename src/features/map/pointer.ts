/**
 * What both map modes share about the pointer: one tooltip, the cursor, and one click path (one event
 * selects it; several stacked events are offered as a list). Also the map-side perf moments.
 */
import { type Map as MlMap, Popup } from 'maplibre-gl';
import type { EventTable } from '../../data/event-table.ts';
import { formatEventDate } from '../../shared/format.ts';
import { filterPending, measureEventsReady, measureFilterShown } from '../../state/perf.ts';

export interface Choice {
  onSelect: (row: number) => void;
  onPick: (rows: number[]) => void;
}

export class Pointer {
  private readonly tooltip = new Popup({
    closeButton: false,
    closeOnClick: false,
    className: 'event-tooltip',
  });

  constructor(
    private readonly map: MlMap,
    /** Read at each click, so the latest handlers answer. */
    private readonly choice: () => Choice,
  ) {}

  cursor(on: boolean): void {
    this.map.getCanvas().style.cursor = on ? 'pointer' : '';
  }

  /** Date, place and type of one event, or the size of a stack. */
  show(table: EventTable, row: number, stacked = 1): void {
    const node = document.createElement('div');
    if (!table.hasDetails) {
      node.textContent = `${stacked.toLocaleString('en')} event(s) · details loading…`;
      this.tooltip
        .setLngLat([table.lon[row] as number, table.lat[row] as number])
        .setDOMContent(node)
        .addTo(this.map);
      return;
    }
    const e = table.event(row);
    const typeName = table.meta.eventTypes.find((t) => t.id === e.type)?.name ?? e.type;
    node.textContent =
      stacked > 1
        ? `${stacked.toLocaleString('en')} events · ${e.place.name}`
        : `${formatEventDate(e)} · ${e.place.name} · ${typeName}`;
    this.tooltip.setLngLat([e.place.lon, e.place.lat]).setDOMContent(node).addTo(this.map);
  }

  hide(): void {
    this.tooltip.remove();
  }

  /** Rows under a click: one opens, several are listed. */
  choose(rows: number[]): void {
    if (rows.length === 1 && rows[0] !== undefined) this.choice().onSelect(rows[0]);
    else if (rows.length > 1) this.choice().onPick(rows);
  }

  /** 'filter' is measured when the map is next idle after a filter change. */
  measureFilterAtIdle(): void {
    if (filterPending()) this.map.once('idle', measureFilterShown);
  }

  /** The events are on screen: measure it, and tell the tests once the map is idle. */
  eventsReady(): void {
    measureEventsReady();
    this.map.once('idle', () => {
      this.map.getContainer().dataset.eventsReady = 'true';
    });
  }
}
