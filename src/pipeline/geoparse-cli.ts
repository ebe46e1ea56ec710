/**
 * npm run -s geoparse -- FILE...
 * One JSON line per place mention: {file, start, end, text, name, lat, lon, country, gazetteerId}
 * (lat/lon null when unresolved, with the reason). Offsets are into the stored (cleaned) text.
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
  if (!parsed.ok) {
    console.error(`${file}: ${parsed.error.problem}`);
    failures += 1;
    continue;
  }
  for (const m of kit.extractor.places(parsed.article)) {
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
