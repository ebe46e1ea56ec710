/**
 * npm run -s evaluate
 * Runs the pipeline in memory on the seed corpus and on the out-of-sample holdout corpus (with the
 * actors a user would add for it) and scores each against its hand-coded gold events.
 */
import { evaluate, formatEvaluation, loadGold } from './evaluate.ts';
import { listArticleFiles, loadToolkit, runPipeline } from './run.ts';

const F = 'src/pipeline/fixtures';
const corpora = [
  {
    name: 'seeds (rules written against these)',
    dir: 'seeds/articles',
    gold: `${F}/gold-seeds.yaml`,
    actors: [],
  },
  {
    name: 'holdout (unseen)',
    dir: `${F}/holdout`,
    gold: `${F}/gold-holdout.yaml`,
    actors: [`${F}/holdout-actors.yaml`],
  },
];
for (const c of corpora) {
  const kit = loadToolkit({ dataDir: 'seeds', extraActors: c.actors });
  const result = runPipeline(listArticleFiles(c.dir), kit);
  const texts = new Map(result.articles.map((a) => [a.id, (JSON.parse(a.json) as { text: string }).text]));
  console.log(formatEvaluation(c.name, evaluate(result.data.events, texts, loadGold(c.gold))));
  console.log();
}
