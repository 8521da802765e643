// `pnpm bench <name>` runs bench/<name>.ts. Each bench starts what it needs, measures, stops it,
// and prints as its LAST line one JSON object: {"bench":"<name>", <figures with units>, "pass":bool}.
// `pnpm bench smoke` runs every bench in smoke mode (bench/smoke.ts; what `npm test` runs).
import { pathToFileURL } from 'node:url';
import { benchDir, benchNames } from './lib/benchFiles';

const name = process.argv[2];
const available = [...benchNames(), 'smoke'];

if (!name || !available.includes(name)) {
  console.error(`usage: pnpm bench <name>\n  benches: ${available.join(', ')}`);
  process.exit(2);
}
await import(pathToFileURL(`${benchDir}${name}.ts`).href);
