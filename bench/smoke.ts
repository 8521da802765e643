// `pnpm bench smoke` (a step of `npm test`): every bench of bench/smokeList.ts, two at a time,
// in smoke mode (BENCH_SMOKE=1: small sizes, a few seconds, figures printed but not judged), so a
// bench that no longer runs fails CI. It fails when a bench exits with an error, passes its time
// limit, or does not end with its one JSON line. Needs the build (`pnpm run build`) done first.
// Two lanes, because most of a smoke run is waiting (a stack starting, a soak's fixed duration) and
// CI has two cores; each bench's default ports differ from the others', and a BENCH_PORT_BASE given
// is moved by LANE_PORT_STEP for the second lane. `pnpm bench smoke <name>…` smokes only those.
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

const LANES = 2;
/** Far more than any bench's port layout (base … base+10). */
const LANE_PORT_STEP = 100;

function laneEnv(lane: number): NodeJS.ProcessEnv {
  const base = process.env.BENCH_PORT_BASE;
  if (base === undefined || lane === 0) return { ...process.env, BENCH_SMOKE: '1' };
  return { ...process.env, BENCH_SMOKE: '1', BENCH_PORT_BASE: String(Number(base) + lane * LANE_PORT_STEP) };
}

function smoke(name: string, limitSeconds: number, lane: number): Promise<Outcome> {
  const started = Date.now();
  const child = spawn(`${repoRoot}node_modules/.bin/tsx`, [`${benchDir}run.ts`, name], {
    cwd: repoRoot,
    env: laneEnv(lane),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both streams for the reader of a failure; stdout alone for the result line, which a bench prints
  // last on stdout while its stderr (a budget missed, a warning) may reach us after it.
  let output = '';
  let stdout = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', (chunk: Buffer) => {
    keep(chunk);
    stdout = (stdout + chunk.toString()).slice(-20_000);
  });
  child.stderr.on('data', keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopChild(child, 5_000);
  }, limitSeconds * 1000);
  return new Promise((resolve) => {
    // Judged at 'close' (the output may still be on its way when the process exits), or 2 s after
    // 'exit' when a leftover grandchild keeps the pipes open.
    let ended = false;
    const end = (code: number | null, signal: NodeJS.Signals | null) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      const seconds = (Date.now() - started) / 1000;
      const lines = output.trim().split('\n');
      const line = stdout.trim().split('\n').at(-1) ?? '';
      let failure: string | null = null;
      if (timedOut) failure = `il a dépassé ${limitSeconds} s`;
      else if (code !== 0) failure = `il s’est terminé en erreur (${signal ?? code})`;
      else if (!lastLineIsResult(line, name)) failure = 'sa dernière ligne n’est pas son objet JSON de résultat';
      if (failure !== null) console.error(`\n✗ Le banc d’essai « ${name} » ne tourne plus : ${failure}. Ses dernières lignes :\n${lines.slice(-25).join('\n')}\n`);
      resolve({ name, seconds, failure, line });
    };
    child.on('close', end);
    child.on('exit', (code, signal) => setTimeout(() => end(code, signal), 2_000));
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
// Longest limits first, so the two lanes end close together.
const queue = Object.entries(SMOKED_BENCHES)
  .filter(([name]) => wanted.length === 0 || wanted.includes(name))
  .sort(([, a], [, b]) => b.limitSeconds - a.limitSeconds);
async function runLane(lane: number): Promise<void> {
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [name, { limitSeconds }] = next;
    const outcome = await smoke(name, limitSeconds, lane);
    console.log(`  ${name} … ${outcome.failure === null ? `${outcome.seconds.toFixed(1)} s  ${outcome.line}` : `ÉCHEC (${outcome.seconds.toFixed(1)} s)`}`);
    outcomes.push(outcome);
  }
}
await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane)));
const failed = outcomes.filter((o) => o.failure !== null);
console.log(`\n${outcomes.length} bancs d’essai en mode fumée en ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length > 0 ? ` ; en échec : ${failed.map((o) => o.name).join(', ')}` : ' ; tous tournent ✓'}`);
process.exitCode = failed.length > 0 ? 1 : 0;
