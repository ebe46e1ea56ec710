/**
 * The timeline: a histogram of the events over time (stacked by the map's color mode), ranges for
 * coarse dates, a brush to pick a date range, zoom, and a player that slides a window through time.
 */
import { memo, type PointerEvent as ReactPointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ColorKeys } from '../../data/color-keys.ts';
import { COLORS } from '../../data/colors.ts';
import type { EventTable } from '../../data/event-table.ts';
import { DAY_MS as DAY, isoOfTime as toIso, timeOfIso as toTime } from '../../shared/days.ts';
import { countOf } from '../../shared/format.ts';
import {
  type Bucket,
  buildBuckets,
  type Domain,
  eventsDomain,
  nextWindowStart,
  rangeLanes,
} from './timeline-bins.ts';

const HIST_H = 70;
const LANE_H = 5;

interface Props {
  /** All events (fix the domain), the rows passing every filter but the dates, and how many of those
   * are in the date range. */
  table: EventTable;
  rows: Uint32Array;
  inRange: number;
  color: ColorKeys;
  from: string | null;
  to: string | null;
  onRange: (from: string | null, to: string | null) => void;
}

export function Timeline({ table, rows, inRange, color, from, to, onRange }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const left = useRef<number | null>(null);
  const [width, setWidth] = useState(600);
  const full = useMemo(() => eventsDomain(table), [table]);
  const [zoom, setZoom] = useState<Domain | null>(null);
  const domain = zoom ?? full;
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [windowDays, setWindowDays] = useState(30);
  // Collapsed on a phone, open on a larger screen.
  const [openByDefault] = useState(() => !window.matchMedia('(max-width: 700px)').matches);

  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The player slides [from, from + window] forward, skipping stretches with no event, until the last
  // event; pausing keeps the view.
  useEffect(() => {
    if (!playing || !full) return;
    const id = window.setInterval(() => {
      const start = from ? toTime(from) : full.start;
      const next = nextWindowStart(
        table,
        rows,
        from ? start + (windowDays * DAY) / 4 : start,
        windowDays * DAY,
      );
      if (next === null) {
        setPlaying(false);
        return;
      }
      onRange(toIso(next), toIso(next + windowDays * DAY));
    }, 700 / speed);
    return () => window.clearInterval(id);
  }, [playing, from, full, windowDays, speed, onRange, table, rows]);

  const buckets = useMemo(
    () => (domain ? buildBuckets(table, rows, domain, color) : []),
    [table, rows, domain, color],
  );
  const lanes = useMemo(() => rangeLanes(table, rows), [table, rows]);
  if (!domain) return null;
  const laneCount = Math.min(8, Math.max(1, ...lanes.map((l) => l.lane + 1)));
  const height = HIST_H + 8 + laneCount * (LANE_H + 2) + 16;
  const x = (t: number) => ((t - domain.start) / (domain.end - domain.start)) * width;
  const tOf = (px: number) => domain.start + (px / width) * (domain.end - domain.start);
  // Where the svg starts, read once per drag: reading it on every move forces a layout of the page.
  const pointerX = (ev: ReactPointerEvent, fresh = false) => {
    if (fresh || left.current === null) left.current = svgRef.current?.getBoundingClientRect().left ?? 0;
    return ev.clientX - left.current;
  };

  const sel = drag
    ? { a: Math.min(drag.a, drag.b), b: Math.max(drag.a, drag.b) }
    : from || to
      ? { a: from ? x(toTime(from)) : 0, b: to ? x(toTime(to) + DAY) : width }
      : null;
  const ticks = monthTicks(domain);

  return (
    <details className="timeline" open={openByDefault}>
      <summary>Timeline</summary>
      <div className="timeline-controls">
        <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <label>
          Speed{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            <option value={0.5}>½×</option>
            <option value={1}>1×</option>
            <option value={2}>2×</option>
            <option value={4}>4×</option>
          </select>
        </label>
        <label>
          Window{' '}
          <select value={windowDays} onChange={(e) => setWindowDays(Number(e.target.value))}>
            <option value={7}>1 week</option>
            <option value={30}>1 month</option>
            <option value={91}>3 months</option>
            <option value={365}>1 year</option>
          </select>
        </label>
        <button
          type="button"
          disabled={!from && !to}
          onClick={() => from && to && setZoom({ start: toTime(from) - DAY, end: toTime(to) + 2 * DAY })}
        >
          Zoom to range
        </button>
        <button type="button" disabled={!zoom} onClick={() => setZoom(null)}>
          Full period
        </button>
        <button type="button" disabled={!from && !to} onClick={() => onRange(null, null)}>
          All dates
        </button>
        <span className="muted" aria-live="polite">
          {from || to
            ? `${from ?? '…'} to ${to ?? '…'}: ${countOf(inRange, 'event')}`
            : 'Drag on the timeline to pick dates'}
        </span>
      </div>
      <svg
        ref={svgRef}
        className="timeline-svg"
        width="100%"
        height={height}
        role="img"
        aria-label={`Histogram of ${countOf(rows.length, 'event')} over time; drag to select a date range. The date fields in the filters do the same from the keyboard.`}
        onPointerDown={(ev) => {
          (ev.target as Element).setPointerCapture?.(ev.pointerId);
          const px = pointerX(ev, true);
          setDrag({ a: px, b: px });
        }}
        onPointerMove={(ev) => drag && setDrag({ a: drag.a, b: pointerX(ev) })}
        onPointerUp={() => {
          if (!drag) return;
          const a = Math.min(drag.a, drag.b);
          const b = Math.max(drag.a, drag.b);
          setDrag(null);
          if (b - a < 3) onRange(null, null);
          else onRange(toIso(tOf(a)), toIso(tOf(b)));
        }}
      >
        <Bars
          buckets={buckets}
          lanes={lanes}
          laneCount={laneCount}
          domain={domain}
          width={width}
          table={table}
          color={color}
        />
        <line x1={0} x2={width} y1={HIST_H} y2={HIST_H} stroke="#999" />
        {ticks.map((t) => (
          <text key={t.t} x={x(t.t) + 2} y={height - 3} fontSize={10} fill="#555">
            {t.label}
          </text>
        ))}
        {sel && (
          <rect className="brush" x={sel.a} y={0} width={Math.max(1, sel.b - sel.a)} height={height - 14} />
        )}
      </svg>
    </details>
  );
}

/** The histogram and the range lanes: unchanged while a brush moves, so not re-rendered with it. */
const Bars = memo(function Bars({
  buckets,
  lanes,
  laneCount,
  domain,
  width,
  table,
  color,
}: {
  buckets: Bucket[];
  lanes: { row: number; lane: number }[];
  laneCount: number;
  domain: Domain;
  width: number;
  table: EventTable;
  color: ColorKeys;
}) {
  const x = (t: number) => ((t - domain.start) / (domain.end - domain.start)) * width;
  const maxCount = Math.max(1, ...buckets.map((b) => b.total));
  const colorOf = (key: string) => color.colors[color.keys.indexOf(key)] ?? COLORS.fallback;
  return (
    <>
      {buckets.map((b) => {
        let y = HIST_H;
        const bw = Math.max(1, x(b.end) - x(b.start) - 1);
        return (
          <g key={b.start}>
            {b.stacks.map((s) => {
              const h = (s.count / maxCount) * (HIST_H - 4);
              y -= h;
              return <rect key={s.key} x={x(b.start)} y={y} width={bw} height={h} fill={colorOf(s.key)} />;
            })}
          </g>
        );
      })}
      {lanes
        .filter((l) => l.lane < laneCount)
        .map(({ row, lane }) => (
          <rect
            key={row}
            x={x((table.day[row] as number) * DAY)}
            y={HIST_H + 8 + lane * (LANE_H + 2)}
            width={Math.max(
              2,
              x(((table.dayEnd[row] as number) + 1) * DAY) - x((table.day[row] as number) * DAY),
            )}
            height={LANE_H}
            rx={2}
            fill={color.colors[color.code[row] as number] ?? COLORS.fallback}
            opacity={0.6}
          />
        ))}
    </>
  );
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthTicks(d: Domain): { t: number; label: string }[] {
  const out: { t: number; label: string }[] = [];
  const s = new Date(d.start);
  const months = (d.end - d.start) / (30 * DAY);
  const step = months > 36 ? 12 : months > 12 ? 3 : 1;
  for (let t = Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1); t < d.end; ) {
    const n = new Date(t);
    if (n.getUTCMonth() % step === 0)
      out.push({ t, label: `${MONTHS[n.getUTCMonth()]} ${n.getUTCFullYear()}` });
    t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1);
  }
  return out;
}
