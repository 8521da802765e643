// A full garbage collection from a test, so a WeakRef tells whether anything still holds its
// target (leak tests: counts by reachability, not by timing or heap sizes).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export async function collectGarbage(): Promise<void> {
  // `gc` exists only with --expose-gc; the flag set at run time shows it in a new context.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // A WeakRef's target is kept until the end of the job that made or read it: let that job end.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

/** How many of `refs` still point at something. */
export const alive = (refs: WeakRef<object>[]): number => refs.filter((ref) => ref.deref() !== undefined).length;
