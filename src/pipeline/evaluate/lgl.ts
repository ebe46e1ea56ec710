/**
 * Geoparsing on LGL (development data in ../shared/dev/lgl): a found mention overlaps a gold span
 * (precision, recall, F1); a resolved one lies within 161 km of the gold point (accuracy@161), with
 * the mean error and the AUC of log error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../shared/schema.ts';
import { distanceKm } from '../merge.ts';

export const DEV_DIR = '../shared/dev';

export interface LglDoc {
  id: string;
  title: string;
  published: string;
  text: string;
}

export interface GoldMention {
  doc: string;
  start: number;
  end: number;
  lat: number;
  lon: number;
  surface: string;
}

export function loadLgl(dir = join(DEV_DIR, 'lgl')): { docs: LglDoc[]; gold: GoldMention[] } {
  const lines = (f: string) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const docs = lines('docs.jsonl').map((d) => ({
    id: String(d.id),
    title: String(d.title ?? ''),
    published: String(d.dltime ?? '').slice(0, 10),
    text: readFileSync(join(dir, 'articles', `${d.id}.txt`), 'utf8'),
  }));
  const gold = lines('gold.jsonl').map((g) => ({
    doc: String(g.doc),
    start: Number(g.start),
    end: Number(g.end),
    lat: Number(g.lat),
    lon: Number(g.lon),
    surface: String(g.surface),
  }));
  return { docs, gold };
}

export interface PredictedMention {
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
  text: string;
}

export interface GeoparseScore {
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  /** Of the found gold mentions that were resolved: share within 161 km. */
  acc161: number;
  meanKm: number;
  medianKm: number;
  /** Area under the curve of normalised log error (0 best, 1 worst), as in Gritta et al. (2018). */
  auc: number;
  missed: GoldMention[];
  spurious: (PredictedMention & { doc: string })[];
  far: { gold: GoldMention; predicted: PredictedMention; km: number }[];
}

const EARTH_HALF_CIRCUMFERENCE_KM = 20_039;

export function scoreGeoparse(
  gold: GoldMention[],
  predicted: Map<string, PredictedMention[]>,
): GeoparseScore {
  const byDoc = new Map<string, GoldMention[]>();
  for (const g of gold) byDoc.set(g.doc, [...(byDoc.get(g.doc) ?? []), g]);
  let tp = 0;
  let predictedCount = 0;
  let found = 0;
  const errors: number[] = [];
  const missed: GoldMention[] = [];
  const spurious: GeoparseScore['spurious'] = [];
  const far: GeoparseScore['far'] = [];
  for (const [doc, preds] of predicted) {
    const golds = byDoc.get(doc) ?? [];
    predictedCount += preds.length;
    for (const p of preds) {
      if (golds.some((g) => g.start < p.end && g.end > p.start)) tp += 1;
      else spurious.push({ ...p, doc });
    }
    for (const g of golds) {
      const p = preds.find((x) => g.start < x.end && g.end > x.start);
      if (!p) {
        missed.push(g);
        continue;
      }
      found += 1;
      // An unresolved mention counts as the worst error.
      const km =
        p.lat === null || p.lon === null
          ? EARTH_HALF_CIRCUMFERENCE_KM
          : distanceKm({ lat: p.lat, lon: p.lon }, g);
      errors.push(km);
      if (km > 161) far.push({ gold: g, predicted: p, km: Math.round(km) });
    }
  }
  const goldCount = [...predicted.keys()].reduce((n, d) => n + (byDoc.get(d)?.length ?? 0), 0);
  const precision = predictedCount ? tp / predictedCount : 0;
  const recall = goldCount ? found / goldCount : 0;
  const sorted = [...errors].sort((a, b) => a - b);
  return {
    gold: goldCount,
    predicted: predictedCount,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    acc161: errors.length ? errors.filter((e) => e <= 161).length / errors.length : 0,
    meanKm: errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : 0,
    medianKm: sorted[Math.floor(sorted.length / 2)] ?? 0,
    auc: errors.length
      ? errors.reduce((a, e) => a + Math.log(e + 1) / Math.log(EARTH_HALF_CIRCUMFERENCE_KM), 0) /
        errors.length
      : 0,
    missed,
    spurious,
    far,
  };
}

/** LGL documents as articles the pipeline can read. */
export function lglArticles(docs: LglDoc[], ids: Set<string>): Article[] {
  return docs
    .filter((d) => ids.has(d.id))
    .map((d) => ({
      id: d.id,
      title: d.title,
      outlet: null,
      author: null,
      url: null,
      published: d.published,
      text: d.text,
    }));
}
