/**
 * The selected event: its row (an id that became a secondary source after a merge still opens its
 * event), whether the filters hide it, a map click kept until a split set's details arrive, and the
 * rows stacked under one spot of the map that the list offers to choose from.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EventTable } from '../data/event-table.ts';
import type { ConflictEvent } from '../shared/schema.ts';
import { positionOf } from './filter-events.ts';
import { useUi } from './store.ts';

/** The rows of a pick that the filters still show, sorted; null without a pick. */
export function pickedVisible(picked: number[] | null, rows: Uint32Array): Uint32Array | null {
  return picked ? Uint32Array.from(picked.filter((r) => positionOf(rows, r) >= 0)).sort() : null;
}

export interface Selection {
  selectedId: string | null;
  /** Row of the selected event, -1 when none (or not known yet). */
  selectedRow: number;
  selected: ConflictEvent | null;
  /** The selected event is hidden by the filters (a link named it). */
  outside: boolean;
  /** Rows stacked under one spot of the map, still visible, or null. */
  picked: Uint32Array | null;
  /** A map click on one event: selects it, or waits for the details of a split set. */
  selectFromMap: (row: number) => void;
  /** A map click on several stacked events: the list offers them. */
  pick: (rows: number[]) => void;
  /** Closes the event and the pick list. */
  dismiss: () => void;
}

export function useSelection(
  table: EventTable | undefined,
  detailsReady: boolean,
  rows: Uint32Array,
): Selection {
  const selectedId = useUi((s) => s.selectedId);
  const select = useUi((s) => s.select);
  const [picks, setPicks] = useState<number[] | null>(null);
  const [pendingRow, setPendingRow] = useState<number | null>(null);
  const selectedRow = useMemo(
    () => (table && selectedId && detailsReady ? table.rowOf(selectedId) : -1),
    [table, selectedId, detailsReady],
  );
  const selected = useMemo(
    () => (table && selectedRow >= 0 ? table.event(selectedRow) : null),
    [table, selectedRow],
  );
  useEffect(() => {
    if (pendingRow === null || !detailsReady || !table) return;
    setPendingRow(null);
    select(table.event(pendingRow).id);
  }, [pendingRow, detailsReady, table, select]);
  const picked = useMemo(() => pickedVisible(picks, rows), [picks, rows]);
  const selectFromMap = useCallback(
    (row: number) => {
      setPicks(null);
      // Before a split set's details arrive, a click is kept and answered when they do.
      if (table?.hasDetails) select(table.event(row).id);
      else setPendingRow(row);
    },
    [table, select],
  );
  const dismiss = useCallback(() => {
    setPicks(null);
    select(null);
  }, [select]);
  return {
    selectedId,
    selectedRow,
    selected,
    outside: Boolean(selected && positionOf(rows, selectedRow) < 0),
    picked,
    selectFromMap,
    pick: setPicks,
    dismiss,
  };
}
