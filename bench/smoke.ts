// `pnpm bench smoke` (a step of `npm test`): every bench of bench/smokeList.ts, one after the other,
// in smoke mode (BENCH_SMOKE=1: small sizes, a few seconds, figures printed but not judged), so a
// bench that no longer runs fails CI. It fails when a bench exits with an error, passes its time
// limit, or does not end with its one JSON line. Needs the build (`pnpm run build`) done first.
// BENCH_PORT_BASE is passed on (each bench lays its ports out from it). `pnpm bench smoke <name>…`
// smokes only those.
import { spawn } from 'node:child_process';
import { repoRoot, stopChild } from '../scripts/lib/processes';
import { benchDir } from './lib/benchFiles';
import { SMOKED_BENCHES } from './smokeList';

interface Outcome {
  name: string;
  seconds: number;
  /** Why it failed, in French (the step's reader); null when it ran. */
  failure: string | null;
  line: string;
}

function smoke(name: string, limitSeconds: number): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(`${repoRoot}node_modules/.bin/tsx`, [`${benchDir}run.ts`, name], {
    cwd: repoRoot,
    env: { ...process.env, BENCH_SMOKE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopChild(child, 5_000);
  }, limitSeconds * 1000);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const lines = output.trim().split('\n');
      const line = lines.at(-1) ?? '';
      let failure: string | null = null;
      if (timedOut) failure = `il a dépassé ${limitSeconds} s`;
      else if (code !== 0) failure = `il s’est terminé en erreur (${signal ?? code})`;
      else if (!lastLineIsResult(line, name)) failure = 'sa dernière ligne n’est pas son objet JSON de résultat';
      if (failure !== null) console.error(`\n✗ Le banc d’essai « ${name} » ne tourne plus : ${failure}. Ses dernières lignes :\n${lines.slice(-25).join('\n')}\n`);
      resolve({ name, seconds, failure, line });
    });
  });
}

function lastLineIsResult(line: string, name: string): boolean {
  try {
    const result = JSON.parse(line) as { bench?: unknown; smoke?: unknown; pass?: unknown };
    return result.bench === name && result.smoke === true && result.pass === true;
  } catch {
    return false;
  }
}

const wanted = process.argv.slice(3);
const unknown = wanted.filter((name) => !(name in SMOKED_BENCHES));
if (unknown.length > 0) {
  console.error(`Bancs d’essai inconnus : ${unknown.join(', ')} (connus : ${Object.keys(SMOKED_BENCHES).join(', ')})`);
  process.exit(2);
}
const started = Date.now();
const outcomes: Outcome[] = [];
for (const [name, { limitSeconds }] of Object.entries(SMOKED_BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`  ${name} … `);
  const outcome = await smoke(name, limitSeconds);
  console.log(outcome.failure === null ? `${outcome.seconds.toFixed(1)} s  ${outcome.line}` : `ÉCHEC (${outcome.seconds.toFixed(1)} s)`);
  outcomes.push(outcome);
}
const failed = outcomes.filter((o) => o.failure !== null);
console.log(`\n${outcomes.length} bancs d’essai en mode fumée en ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length > 0 ? ` ; en échec : ${failed.map((o) => o.name).join(', ')}` : ' ; tous tournent ✓'}`);
process.exitCode = failed.length > 0 ? 1 : 0;
