/**
 * Reading the corpus: one file per article, YAML front matter then the text as published.
 * Every problem is reported with the file it comes from; a bad file never stops the others.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Article } from '../shared/schema.ts';
import { findDateLine, isValidIsoDay } from './dates.ts';

export interface FileProblem {
  file: string;
  problem: string;
}

export type ReadResult = { ok: true; article: Article; file: string } | { ok: false; error: FileProblem };

const ARTICLE_EXTENSIONS = new Set(['.md', '.txt', '.markdown']);

/** Article files in a directory, sorted by name so every run reads them in the same order. */
export function listArticleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase()))
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** Compiles the page-chrome rules file: one case-insensitive regular expression a line. */
export function loadChromeRules(text: string): RegExp[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => new RegExp(l, 'i'));
}

/**
 * The stored text of an article: Markdown links reduced to their text, lines that are page chrome
 * (matching a rule) removed, runs of blank lines collapsed. Offsets in events refer to this text.
 */
export function cleanText(body: string, rules: RegExp[]): string {
  const lines = body
    .replace(/\r\n?/g, '\n')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  const kept = lines.filter((l) => !rules.some((r) => r.test(l.trim())));
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function str(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return String(v).trim() || null;
  return null;
}

/** The text fields of the front matter: a list or a mapping where text belongs is refused, by name. */
const TEXT_FIELDS = ['id', 'title', 'outlet', 'author', 'url', 'published'] as const;

function notText(meta: Record<string, unknown>): string | null {
  for (const key of TEXT_FIELDS) {
    const v = meta[key];
    if (v === undefined || v === null || v instanceof Date) continue;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      return `front matter: \`${key}\` must be text, not ${Array.isArray(v) ? 'a list' : 'a mapping'}`;
  }
  return null;
}

/** Longest article id: it names a file, and file systems stop at 255 bytes. */
const MAX_ID = 100;

/** Publication years the date arithmetic stays sane for ("two years ago" in year 1 is year −1). */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

/** Parses one article file's bytes. `file` is used for messages and the default id. */
export function parseArticleFile(file: string, bytes: Uint8Array, rules: RegExp[]): ReadResult {
  const fail = (problem: string): ReadResult => ({ ok: false, error: { file, problem } });
  if (bytes.length === 0) return fail('empty file');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(`binary file (NUL byte at offset ${nul}); expected UTF-8 text`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The byte offset of the first undecodable sequence, for the message.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const valid = new TextEncoder().encode(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')))).length;
    return fail(`not valid UTF-8 (first bad byte at offset ${valid}); save the file as UTF-8`);
  }
  raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!raw.trim()) return fail('empty file (only whitespace)');

  const fm = /^---\n([\s\S]*?)\n---\n?/.exec(raw);
  if (!fm) return fail('missing metadata: the file must start with YAML front matter between --- lines');
  let meta: Record<string, unknown>;
  try {
    const parsed: unknown = parseYaml(fm[1] ?? '');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return fail('front matter is not a YAML mapping');
    meta = parsed as Record<string, unknown>;
  } catch (e) {
    return fail(`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const wrongType = notText(meta);
  if (wrongType) return fail(wrongType);
  const body = raw.slice(fm[0].length);
  const text = cleanText(body, rules);
  if (!text) return fail('no article text after the front matter');

  const id = str(meta.id) ?? basename(file, extname(file));
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return fail(`id "${id}" may use only letters, digits, - and _`);
  // The id names the stored text file (articles/<id>.json): keep it well inside file-name limits.
  if (id.length > MAX_ID)
    return fail(`id "${id.slice(0, 20)}…" is ${id.length} characters; the limit is ${MAX_ID}`);
  let published = str(meta.published);
  if (published === null) {
    published = findDateLine(body) ?? null;
    if (!published) return fail('missing metadata: no `published: YYYY-MM-DD` and no date line in the text');
  } else if (!isValidIsoDay(published)) {
    return fail(`unparseable publication date "${published}": write it as YYYY-MM-DD`);
  }
  const year = Number(published.slice(0, 4));
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR))
    return fail(`publication date "${published}" is outside the years ${FIRST_YEAR}–${LAST_YEAR}`);
  const title = str(meta.title) ?? text.split('\n')[0]?.trim() ?? id;
  const url = str(meta.url);
  if (url !== null && !/^https?:\/\//i.test(url)) return fail(`url "${url}" is not an http(s) URL`);
  return {
    ok: true,
    file,
    article: { id, title, outlet: str(meta.outlet), author: str(meta.author), url, published, text },
  };
}

/** Reads every article file, dropping later files that reuse an earlier id (reported). */
export function readCorpus(
  files: string[],
  rules: RegExp[],
): { articles: Article[]; problems: FileProblem[] } {
  const articles: Article[] = [];
  const problems: FileProblem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      problems.push({ file, problem: `cannot read: ${(e as Error).message}` });
      continue;
    }
    let r: ReadResult;
    try {
      r = parseArticleFile(file, bytes, rules);
    } catch (e) {
      // A reader bug must cost one file, never the run.
      r = { ok: false, error: { file, problem: `could not be read: ${(e as Error).message}` } };
    }
    if (!r.ok) {
      problems.push(r.error);
      continue;
    }
    const first = seen.get(r.article.id);
    if (first) {
      problems.push({
        file,
        problem: `duplicate article id "${r.article.id}" (already used by ${first}); skipped`,
      });
      continue;
    }
    seen.set(r.article.id, file);
    articles.push(r.article);
  }
  return { articles, problems };
}
