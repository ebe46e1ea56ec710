/**
 * Scores against the development data in ../shared/dev (never part of `npm test`: a fresh clone has
 * no ../shared). Two measures:
 * - geoparsing on LGL: a found mention overlaps a gold span (precision, recall, F1); a resolved one lies
 *   within 161 km of the gold point (accuracy@161), with the mean error and the AUC of log error;
 * - events on the hand-coded development set (src/pipeline/fixtures/dev-events): a predicted event
 *   answers a gold event when one of its passages overlaps the gold passage; fields are then graded,
 *   and precision and recall are given per region (the continent of the article's gold events).
 *
 * The measures live in evaluate/lgl.ts and evaluate/events.ts; this file is where the CLI and the
 * tests import them from.
 */
export {
  type ActorTypeOf,
  type EventFieldScores,
  type EventScore,
  type GoldEvent,
  loadGoldEvents,
  regionOf,
  scoreEvents,
} from './evaluate/events.ts';
export {
  DEV_DIR,
  type GeoparseScore,
  type GoldMention,
  type LglDoc,
  lglArticles,
  loadLgl,
  type PredictedMention,
  scoreGeoparse,
} from './evaluate/lgl.ts';
