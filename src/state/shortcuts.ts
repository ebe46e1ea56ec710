/**
 * Keyboard shortcuts as a table: a name, which keys it takes (and where), and what it does. The hook
 * attaches one window listener that runs the first matching action.
 */
import { useEffect, useRef } from 'react';
import type { EventTable } from '../data/event-table.ts';
import { positionOf } from './filter-events.ts';

/** Where a key was pressed. */
export interface KeyTarget {
  /** In a text field or menu: keys belong to it, never to a shortcut. */
  editable: boolean;
  /** In the article text or the filters, where arrow keys scroll or move between options, or on the
   * map, where they pan it. */
  scrollable: boolean;
}

export interface ShortcutContext {
  table: EventTable | undefined;
  rows: Uint32Array;
  selectedRow: number;
  select: (id: string, opts: { fly: boolean }) => void;
  dismiss: () => void;
}

export interface Shortcut {
  name: string;
  takes: (key: string, where: KeyTarget, ctx: ShortcutContext) => boolean;
  perform: (key: string, ctx: ShortcutContext) => void;
  /** Whether the browser's own handling of the key is cancelled (the page would scroll). */
  preventDefault: boolean;
}

/** The row `step` places from the selection in `rows`, clamped to the ends (the first with none). */
export function stepRow(rows: Uint32Array, selectedRow: number, step: 1 | -1): number | undefined {
  const i = selectedRow >= 0 ? positionOf(rows, selectedRow) : -1;
  const next = step > 0 ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1);
  return rows[next];
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    name: 'close the event',
    takes: (key) => key === 'Escape',
    perform: (_key, ctx) => ctx.dismiss(),
    preventDefault: false,
  },
  {
    name: 'next or previous event',
    takes: (key, where, ctx) =>
      (key === 'ArrowDown' || key === 'ArrowUp') &&
      !where.scrollable &&
      ctx.rows.length > 0 &&
      Boolean(ctx.table?.hasDetails),
    perform: (key, ctx) => {
      const row = stepRow(ctx.rows, ctx.selectedRow, key === 'ArrowDown' ? 1 : -1);
      if (row !== undefined && ctx.table) ctx.select(ctx.table.event(row).id, { fly: true });
    },
    preventDefault: true,
  },
];

/** The shortcut a key runs, if any. */
export function shortcutFor(key: string, where: KeyTarget, ctx: ShortcutContext): Shortcut | undefined {
  if (where.editable) return undefined;
  return SHORTCUTS.find((s) => s.takes(key, where, ctx));
}

function whereOf(target: EventTarget | null): KeyTarget {
  const el = target instanceof Element ? target : null;
  return {
    editable: Boolean(el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)),
    scrollable: Boolean(el?.closest('.article-text, .filters, .maplibregl-map')),
  };
}

export function useShortcuts(ctx: ShortcutContext): void {
  const current = useRef(ctx);
  current.current = ctx;
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const action = shortcutFor(ev.key, whereOf(ev.target), current.current);
      if (!action) return;
      if (action.preventDefault) ev.preventDefault();
      action.perform(ev.key, current.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
