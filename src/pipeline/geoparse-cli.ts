/**
 * npm run -s geoparse -- FILE...
 * One JSON line per place mention: {file, start, end, text, name, lat, lon, country, gazetteerId}
 * (lat/lon null when unresolved, with the reason). Offsets are into the stored (cleaned) text; a plain
 * text file without front matter is read whole (offsets into the file).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseArticleFile } from './corpus.ts';
import { loadToolkit } from './run.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: 'seeds' } },
});
if (positionals.length === 0) {
  console.error('usage: npm run -s geoparse -- FILE...');
  process.exit(2);
}
const kit = loadToolkit({ dataDir: values.data });
let failures = 0;
for (const file of positionals) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    console.error(`${file}: cannot read: ${(e as Error).message}`);
    failures += 1;
    continue;
  }
  const parsed = parseArticleFile(file, bytes, kit.chromeRules);
  // Finding places needs no publication date: a plain text file (no front matter) is read as it is.
  let article: { text: string; outlet: string | null; author: string | null };
  if (parsed.ok) article = parsed.article;
  else if (/missing metadata|no date/i.test(parsed.error.problem) && !bytes.includes(0)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    article = { text, outlet: null, author: null };
  } else {
    console.error(`${file}: ${parsed.error.problem}`);
    failures += 1;
    continue;
  }
  for (const m of kit.extractor.places(article)) {
    const e = m.entry;
    console.log(
      JSON.stringify({
        file,
        start: m.start,
        end: m.end,
        text: m.text,
        name: e?.name ?? null,
        lat: e?.lat ?? null,
        lon: e?.lon ?? null,
        country: e?.country ?? null,
        gazetteerId: e?.id ?? null,
        precision: e?.precision ?? null,
        role: m.role,
        ...(m.reason ? { reason: m.reason } : {}),
      }),
    );
  }
}
process.exit(failures === positionals.length ? 1 : 0);
