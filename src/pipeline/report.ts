import type { Report } from './run.ts';

function section(title: string, rows: string[], limit = 50): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, limit).map((r) => `  - ${r}`);
  if (rows.length > limit) shown.push(`  … and ${rows.length - limit} more`);
  return [`${title} (${rows.length}):`, ...shown];
}

const clip = (s: string) => (s.length > 140 ? `${s.slice(0, 139)}…` : s);

/** The end-of-run report: counts first, then every warning (never silently dropped). */
export function formatReport(r: Report, outDir: string): string {
  return [
    `files: ${r.filesRead}, articles read: ${r.articlesRead}, events written: ${r.eventsWritten} (${r.sourcesWritten} sources) → ${outDir}`,
    ...section(
      'problems',
      r.problems.map((p) => `${p.file}: ${p.problem}`),
      1000,
    ),
    ...section(
      'unresolved place names',
      r.unresolved.map((u) => `${u.articleId}: "${u.name}" (${u.reason}) in "${clip(u.sentence)}"`),
    ),
    ...section(
      'background: event words that report no event (negated, planned, habitual, quoted, told before)',
      r.background.map((b) => `${b.articleId}: ${b.why}: "${clip(b.sentence)}"`),
    ),
    ...section(
      'sentences with a place but no event',
      r.placeNoEvent.map((p) => `${p.articleId}: "${clip(p.sentence)}"`),
    ),
    ...section(
      'events without a date expression (dated by publication)',
      r.undated.map((u) => `${u.articleId}: "${clip(u.sentence)}"`),
    ),
    ...section(
      'time expressions that could not be resolved to a date',
      r.unresolvedDates.map((u) => `${u.articleId}: "${u.expression}" in "${clip(u.sentence)}"`),
    ),
  ].join('\n');
}
