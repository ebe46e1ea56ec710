/** The Arrow column table is the one list of columns: the README's list must say the same. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORE_COLUMNS, DETAIL_COLUMNS, EVENT_COLUMNS, WHOLE_COLUMNS } from './arrow-columns.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Backticked column names (with `?` when nullable) in the README between two phrases. */
function listed(from: string, to: string): string[] {
  const start = readme.indexOf(from);
  const end = readme.indexOf(to, start);
  expect(start, from).toBeGreaterThan(0);
  const text = readme.slice(start + from.length, end).replace(/list\\<[^\n]*?\\>\\>|list\\<dict\\>/g, '');
  return [...text.matchAll(/`([a-z_0-9]+\??)`/g)].map((m) => m[1] as string);
}
const spelled = (part: 'core' | 'details') =>
  EVENT_COLUMNS.filter((c) => c.part === part).map((c) => `${c.name}${c.nullable ? '?' : ''}`);

describe('the Arrow columns', () => {
  it('are listed in the README, core and details, with their nullable ones marked', () => {
    expect(listed('the **core**: what the map, the timeline and the filters need —', 'The envelope')).toEqual(
      spelled('core'),
    );
    expect(listed('`events.details.arrow`, read after the first draw:', '\n\n')).toEqual(spelled('details'));
  });
  it('split into core and details, and a whole file has every one but the split-only ones', () => {
    expect(new Set([...CORE_COLUMNS, ...DETAIL_COLUMNS]).size).toBe(EVENT_COLUMNS.length);
    const unsplit = EVENT_COLUMNS.filter((c) => !c.splitOnly).map((c) => c.name);
    expect([...WHOLE_COLUMNS].sort()).toEqual(unsplit.sort());
    expect(WHOLE_COLUMNS).not.toContain('source_articles');
  });
  it('every details column fills in the event it belongs to', () => {
    for (const c of EVENT_COLUMNS.filter((x) => x.part === 'details')) expect(c.read, c.name).toBeDefined();
  });
});
