/**
 * Writes the pipeline's output so that a run killed at any moment leaves the whole previous output or
 * the whole new one, never a mix: everything is written to a sibling folder first and swapped in by
 * two renames; a swap a killed run left half done is finished by the next run.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DETAILS_FILE, eventsToArrowFiles } from '../shared/events-arrow.ts';
import type { RunResult } from './run.ts';

/** The entries the pipeline owns in its output folder; anything else there is kept. */
const OWN = new Set(['events.json', 'events.arrow', DETAILS_FILE, 'articles']);
/** Written last into the staging folder: without it, the staging folder is half written. */
const COMPLETE = '.complete';

/** Writes events.json, its columnar companion and one file per article, replacing the previous ones. */
export function writeOutput(outDir: string, result: Pick<RunResult, 'data' | 'articles'>): void {
  const out = resolve(outDir);
  const next = `${out}.next`;
  const prev = `${out}.prev`;
  recoverOutput(outDir);
  rmSync(next, { recursive: true, force: true });
  mkdirSync(join(next, 'articles'), { recursive: true });
  writeFileSync(join(next, 'events.json'), `${JSON.stringify(result.data, null, 1)}\n`);
  const arrow = eventsToArrowFiles(result.data);
  writeFileSync(join(next, 'events.arrow'), arrow.core);
  writeFileSync(join(next, DETAILS_FILE), arrow.details);
  for (const a of result.articles) writeFileSync(join(next, 'articles', `${a.id}.json`), a.json);
  writeFileSync(join(next, COMPLETE), '');
  if (existsSync(out)) {
    for (const name of readdirSync(out)) if (!OWN.has(name)) renameSync(join(out, name), join(next, name));
    renameSync(out, prev);
  }
  renameSync(next, out);
  rmSync(join(out, COMPLETE), { force: true });
  rmSync(prev, { recursive: true, force: true });
}

/**
 * Finishes what a run killed between the two renames left: the new output where it was written
 * completely, else the old one.
 */
export function recoverOutput(outDir: string): void {
  const out = resolve(outDir);
  const next = `${out}.next`;
  const prev = `${out}.prev`;
  if (!existsSync(out)) {
    if (existsSync(join(next, COMPLETE))) renameSync(next, out);
    else if (existsSync(prev)) renameSync(prev, out);
  }
  if (existsSync(out)) rmSync(join(out, COMPLETE), { force: true });
  rmSync(prev, { recursive: true, force: true });
}
