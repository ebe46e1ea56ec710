/**
 * npm run pipeline [-- --in DIR --out DIR --data DIR --actors FILE --file-budget SECONDS --strict]
 * Reads the corpus, writes public/data/, prints a report. Exit code 0 unless nothing could be
 * processed (or, with --strict, anything went wrong). An article that takes longer than the budget
 * (60 s by default) is stopped, reported and left out; the run goes on.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { BIG_CORPUS, progressLog } from './progress.ts';
import { formatReport } from './report.ts';
import { listArticleFiles, loadToolkit, type RunProgress, runPipeline } from './run.ts';
import { writeOutput } from './write-output.ts';

const { values } = parseArgs({
  options: {
    in: { type: 'string', default: 'seeds/articles' },
    out: { type: 'string', default: 'public/data' },
    data: { type: 'string', default: 'seeds' },
    actors: { type: 'string', multiple: true, default: [] },
    'file-budget': { type: 'string', default: '60' },
    strict: { type: 'boolean', default: false },
  },
});

const fileBudget = Number(values['file-budget']);
if (!(fileBudget > 0)) {
  console.error(`pipeline: --file-budget wants a number of seconds above 0, not "${values['file-budget']}"`);
  process.exit(2);
}
const files = listArticleFiles(values.in);
if (files.length === 0) {
  console.error(`pipeline: no article files (.md, .txt) in ${values.in}`);
  process.exit(1);
}
const kit = loadToolkit({ dataDir: values.data, extraActors: values.actors });
let onProgress: ((p: RunProgress) => void) | undefined;
let bar: SingleBar | null = null;
if (process.stderr.isTTY) {
  bar = new SingleBar({ format: 'articles {bar} {value}/{total}', clearOnComplete: true });
  bar.start(files.length, 0);
  onProgress = (p) => bar?.update(p.done);
} else {
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  if (files.length >= BIG_CORPUS.files || bytes >= BIG_CORPUS.bytes)
    onProgress = progressLog((line) => process.stderr.write(`${line}\n`));
}
const result = runPipeline(files, kit, { fileBudget, onProgress });
bar?.stop();
writeOutput(values.out, result);
console.log(formatReport(result.report, values.out));
const failed = result.report.articlesRead === 0 || (values.strict && result.report.problems.length > 0);
process.exit(failed ? 1 : 0);
