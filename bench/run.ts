// `pnpm bench <name>` runs bench/<name>.ts. Each bench starts what it needs, measures, stops it,
// and prints as its LAST line one JSON object: {"bench":"<name>", <figures with units>, "pass":bool}.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const name = process.argv[2];
const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['run.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

if (!name || !available.includes(name)) {
  console.error(`usage: pnpm bench <name>\n  benches: ${available.join(', ') || '(none yet)'}`);
  process.exit(2);
}
const file = `${dir}${name}.ts`;
if (!existsSync(file)) process.exit(2);
await import(pathToFileURL(file).href);
