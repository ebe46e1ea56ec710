/**
 * The selected event and its sources: each passage highlighted with <mark> in the stored article text,
 * scrolled into view. Article texts load lazily, one query per article. Text is never rendered as HTML.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { articleQuery } from '../../data/queries.ts';
import { formatDay, formatEventDate, sourcesLabel } from '../../shared/format.ts';
import type { ConflictEvent, Envelope, Source } from '../../shared/schema.ts';

const PRECISION_LABEL: Record<string, string> = {
  exact: 'exact location',
  town: 'town',
  district: 'district',
  region: 'region (approximate)',
  country: 'country (approximate)',
};

function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function SourceCard({
  source,
  data,
  eventsUrl,
  first,
  dataSource,
}: {
  source: Source;
  data: Envelope;
  eventsUrl: string;
  first: boolean;
  dataSource: string | null;
}) {
  const meta = data.articles.find((a) => a.id === source.articleId);
  const article = useQuery(articleQuery(eventsUrl, source.articleId));
  const [full, setFull] = useState(false);
  const mark = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again when the article view changes size.
  useEffect(() => {
    // Centre the first source's passage in its article box (the others are one scroll away). Only
    // the box scrolls: scrollIntoView would scroll the panel and the page too, taking the event's
    // summary, date and place out of view (on a phone the sheet opened mid-source).
    const m = mark.current;
    const box = m?.parentElement;
    if (!article.data || !first || !m || !box) return;
    const [mr, br] = [m.getBoundingClientRect(), box.getBoundingClientRect()];
    box.scrollTop += mr.top - br.top - (box.clientHeight - Math.min(mr.height, box.clientHeight)) / 2;
  }, [article.data, full]);
  const href = safeHref(meta?.url ?? null);
  let body: React.ReactNode;
  if (article.isPending) body = <p className="muted">Loading the article…</p>;
  else if (article.isError)
    body = (
      <p role="alert" className="notice error">
        {article.error.message}
      </p>
    );
  else {
    const text = article.data.text;
    if (source.end > text.length)
      body = (
        <p role="alert" className="notice error">
          The passage lies outside this article's text.
        </p>
      );
    else {
      // Context: the paragraph around the passage, or the whole article on request.
      const from = full ? 0 : Math.max(0, text.lastIndexOf('\n', source.start - 1) + 1);
      const nl = text.indexOf('\n', source.end);
      const to = full || nl < 0 ? text.length : nl;
      body = (
        <>
          <section className={full ? 'article-text full' : 'article-text'} aria-label="Article text">
            {text.slice(from, source.start)}
            <mark ref={mark}>{text.slice(source.start, source.end)}</mark>
            {text.slice(source.end, to)}
          </section>
          <button
            type="button"
            className="link-button"
            onClick={() => setFull((f) => !f)}
            aria-expanded={full}
          >
            {full ? 'Show only the paragraph' : 'Show the full article'}
          </button>
        </>
      );
    }
  }
  return (
    <li className="source-card">
      <h4>{meta?.title ?? source.articleId}</h4>
      <p className="muted">
        {[meta?.outlet, meta?.author].filter(Boolean).join(' · ') || 'Outlet unknown'}
        {meta ? ` · published ${formatDay(meta.published)}` : ''}
        {href && (
          <>
            {' · '}
            <a href={href} target="_blank" rel="noopener noreferrer">
              {dataSource ? 'original, as the file says' : 'original'}
            </a>
          </>
        )}
      </p>
      {dataSource && (
        <p className="claim">
          Title, outlet, link and text come from a data file on {dataSource}, not from this site; they are not
          verified here.
        </p>
      )}
      {body}
    </li>
  );
}

interface Props {
  event: ConflictEvent;
  data: Envelope;
  eventsUrl: string;
  /** The host of a data file from another site: its outlets and links are shown as its claims. */
  dataSource: string | null;
  /** Buttons the shell adds (sharing), shown next to "All events". */
  actions?: React.ReactNode;
  onClose: () => void;
}

export function SourcePanel({ event, data, eventsUrl, dataSource, actions, onClose }: Props) {
  const type = data.eventTypes.find((t) => t.id === event.type);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: move focus to each newly selected event.
  useEffect(() => {
    heading.current?.focus();
  }, [event.id]);
  return (
    <section className="source-panel" aria-labelledby="event-title">
      <div className="panel-head">
        <button type="button" className="link-button" onClick={onClose}>
          ← All events
        </button>
        {actions}
      </div>
      <h2 id="event-title" tabIndex={-1} ref={heading}>
        {event.summary}
      </h2>
      <dl className="facts">
        <dt>Date</dt>
        <dd data-testid="event-date">
          {formatEventDate(event)} <span className="muted">({event.datePrecision} precision)</span>
        </dd>
        <dt>Place</dt>
        <dd data-testid="event-place">
          {event.place.name}, {event.place.country}{' '}
          <span className="muted">({PRECISION_LABEL[event.place.precision]})</span>
        </dd>
        <dt>Type</dt>
        <dd>
          <span className="swatch" style={{ background: type?.color }} aria-hidden="true" />{' '}
          {type?.name ?? event.type}
          {type?.acled ? <span className="muted"> · ACLED: {type.acled}</span> : null}
        </dd>
        <dt>Actors</dt>
        <dd>
          <ul className="chips">
            {event.actors.map((id) => {
              const a = data.actors.find((x) => x.id === id);
              return (
                <li key={id} className="chip" style={{ borderColor: a?.color }}>
                  <span className="swatch" style={{ background: a?.color }} aria-hidden="true" />
                  {a?.name ?? id}
                </li>
              );
            })}
          </ul>
        </dd>
      </dl>
      <h3>
        Sources: {sourcesLabel(event.sources, (id) => data.articles.find((a) => a.id === id)?.outlet ?? null)}
      </h3>
      <ul className="sources">
        {event.sources.map((s, i) => (
          <SourceCard
            key={`${s.articleId}:${s.start}`}
            source={s}
            data={data}
            eventsUrl={eventsUrl}
            first={i === 0}
            dataSource={dataSource}
          />
        ))}
      </ul>
    </section>
  );
}
