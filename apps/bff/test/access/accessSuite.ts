// One access spec file's stack: the standin and the BFF started once for the file, the roles'
// tokens signed, the standin's truth loaded; the file's case count printed and the stack stopped
// at the end. Each spec reads them through the returned object (set once beforeAll has run).
import { afterAll, beforeAll } from 'vitest';
import type { BffEnv } from '../../src/config';
import { as, signRoles, type Role } from './accessClient';
import { tally } from './accessExpect';
import { startAccessStack, type AccessStack } from './accessStack';
import { loadTruth, type Truth } from './accessTruth';

export interface AccessSuite {
  readonly stack: AccessStack;
  readonly truth: Truth;
  /** A client signed in as `role`, on this file's BFF. */
  user(role: Role): ReturnType<typeof as>;
}

export function useAccessSuite(name: string, env: BffEnv = {}): AccessSuite {
  let started: { stack: AccessStack; truth: Truth } | undefined;
  beforeAll(async () => {
    const stack = await startAccessStack(env);
    await signRoles();
    started = { stack, truth: await loadTruth(stack) };
  }, 60_000);
  afterAll(async () => {
    process.stdout.write(`access ${name} figures: ${JSON.stringify(tally)}\n`);
    await started?.stack.stop();
  });
  const get = () => {
    if (!started) throw new Error('the access stack is not started yet (read it inside a test or hook)');
    return started;
  };
  return {
    get stack() {
      return get().stack;
    },
    get truth() {
      return get().truth;
    },
    user: (role) => as(get().stack.server.port, role),
  };
}
