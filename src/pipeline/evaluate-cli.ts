/**
 * npm run -s evaluate [-- --in DIR --gold FILE]
 * Runs the pipeline in memory on a corpus and scores it against hand-coded gold events.
 */
import { parseArgs } from 'node:util';
import { evaluate, formatEvaluation, loadGold } from './evaluate.ts';
import { listArticleFiles, loadToolkit, runPipeline } from './run.ts';

const { values } = parseArgs({
  options: {
    in: { type: 'string', multiple: true, default: ['seeds/articles'] },
    gold: { type: 'string', multiple: true, default: ['src/pipeline/fixtures/gold-seeds.yaml'] },
  },
});
const kit = loadToolkit({ dataDir: 'seeds' });
values.in.forEach((dir, i) => {
  const result = runPipeline(listArticleFiles(dir), kit);
  const texts = new Map(result.articles.map((a) => [a.id, (JSON.parse(a.json) as { text: string }).text]));
  const goldFile = values.gold[i] ?? values.gold[0] ?? '';
  console.log(formatEvaluation(dir, evaluate(result.data.events, texts, loadGold(goldFile))));
});
