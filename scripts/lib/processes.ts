// Starting and stopping the child processes of a run, in one place: the stack (`scripts/stack.ts`:
// standin, BFF replicas, nginx), the benches that start pieces of it (bench/lib/benchProcesses.ts)
// and the benches and e2e fixtures that start the whole stack as one child (`startStackChild`).
// Each caller says what an early exit means to it (`onEarlyExit`): the stack stops everything, a
// bench aborts. Stopping is always the same: SIGTERM, then SIGKILL after a grace period.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** stdout: ignored (default), piped to the caller, or shared with this process. */
  stdout?: 'ignore' | 'pipe' | 'inherit';
  /** stderr: kept (last 4 kB, to explain an early exit; default) or shared with this process. */
  stderr?: 'keep' | 'inherit';
  /** Its own process group (so a terminal's Ctrl-C does not reach it before we stop it). */
  detached?: boolean;
}

export interface ProcessGroupOptions {
  /** A child exited before `stopAll()`: `stderrTail` is its last 4 kB of stderr ('' when inherited). */
  onEarlyExit: (name: string, status: string, stderrTail: string) => void;
  /** How long a child has between SIGTERM and SIGKILL (default 8 s). */
  graceMs?: number;
}

/** Children started together and stopped together. */
export class ProcessGroup {
  private readonly children: ChildProcess[] = [];
  private stopping = false;

  constructor(private readonly options: ProcessGroupOptions) {
    // Whatever ends this process (an early exit, an uncaught error), its children go with it.
    process.once('exit', () => {
      for (const child of this.children) if (isRunning(child)) child.kill('SIGTERM');
    });
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  start(name: string, command: string, args: string[], options: StartOptions = {}): ChildProcess {
    const stdio: StdioOptions = ['ignore', options.stdout ?? 'ignore', options.stderr === 'inherit' ? 'inherit' : 'pipe'];
    const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...options.env }, stdio, detached: options.detached ?? false });
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-4000)));
    child.on('exit', (code, signal) => {
      if (!this.stopping) this.options.onEarlyExit(name, String(signal ?? code), stderrTail);
    });
    this.children.push(child);
    return child;
  }

  /** SIGTERM every child (SIGKILL after the grace period) and wait until they have all exited. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.children.map((child) => stopChild(child, this.options.graceMs ?? 8_000)));
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGTERM, SIGKILL after `graceMs`, resolved once the child has exited. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!isRunning(child)) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  headers?: Record<string, string>;
  /** Give up at once if this child has exited (it will never answer). */
  child?: ChildProcess;
}

/** Polls `url` until it answers 2xx (redirects are not followed: a 302 to sign-in is not ready). */
export async function waitForUrl(url: string, options: WaitOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (options.child && !isRunning(options.child)) throw new Error(`${url}: the process that should answer exited (${options.child.signalCode ?? options.child.exitCode})`);
    try {
      if ((await fetch(url, { headers: options.headers ?? {}, redirect: 'manual' })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

/** The whole stack (`scripts/stack.ts`) as one child of `group`, with `env` over this process's. */
export function startStackChild(group: ProcessGroup, env: Record<string, string>, options: Omit<StartOptions, 'env'> = {}): ChildProcess {
  return group.start('stack', `${repoRoot}node_modules/.bin/tsx`, [`${repoRoot}scripts/stack.ts`], { ...options, env });
}
