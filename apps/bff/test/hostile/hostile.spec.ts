// Issue 11's hostile-input suite: several hundred generated malformed or hostile requests against
// the real BFF (a child process) in front of the real standin. Every answer must be a 4xx JSON
// with a clear message and the security headers; none a 5xx; the process never crashes; and
// nothing reaches an upstream unless the policy lets it through on purpose (then the upstream
// must refuse it). The figures are printed at the end for the closing note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyCases } from './casesBodies';
import { identityCases } from './casesIdentity';
import { pathCases } from './casesPaths';
import type { HostileCase } from './hostileCase';
import { startHostileStack, type HostileStack } from './hostileStack';
import { sendRaw, type RawAnswer } from './rawClient';

const CASES: HostileCase[] = [...bodyCases(), ...pathCases(), ...identityCases()];
const SECURITY_HEADERS = ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'referrer-policy', 'permissions-policy', 'x-frame-options'];

let stack: HostileStack;
const figures = { cases: 0, answered4xx: 0, answered5xx: 0, otherStatus: 0, noAnswer: 0, reachedUpstream: 0, crashes: 0 };
const byCategory = new Map<string, number>();

beforeAll(async () => {
  stack = await startHostileStack();
}, 60_000);

afterAll(async () => {
  if (!stack) return;
  figures.crashes = stack.alive() ? 0 : 1;
  process.stdout.write(`hostile-input figures: ${JSON.stringify({ ...figures, byCategory: Object.fromEntries(byCategory) })}\n`);
  await stack.stop();
});

/** What makes an answer's message clear: the BFF's `{error, message}`, Frappe's, or the hub's. */
function messageOf(answer: RawAnswer): string | undefined {
  const body = answer.json as Record<string, unknown> | undefined;
  if (!body) return undefined;
  if (typeof body.message === 'string' && typeof body.error === 'string') return body.message;
  if (typeof body._server_messages === 'string') return body._server_messages; // Frappe
  if (typeof body.exception === 'string') return body.exception;
  if (typeof body.error === 'string') return body.error; // hub
  return undefined;
}

function tally(answer: RawAnswer, reached: number, c: HostileCase): void {
  figures.cases++;
  byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
  if (answer.status === 0) figures.noAnswer++;
  else if (answer.status >= 500) figures.answered5xx++;
  else if (answer.status >= 400) figures.answered4xx++;
  else figures.otherStatus++;
  if (reached > 0) figures.reachedUpstream++;
}

describe('hostile input', () => {
  it('has at least 200 cases in every family the issue names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CASES.map((c) => c.category)).size).toBe(13);
    expect(new Set(CASES.map((c) => `${c.category}: ${c.name}`)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', async (_name, c) => {
    const before = stack.hits.length;
    const answer = await sendRaw(stack.bffPort, c.request);
    const reached = stack.hits.length - before;
    tally(answer, reached, c);
    const context = `${answer.status} ${answer.body.slice(0, 300)}`;

    expect(answer.status, context).toBeGreaterThanOrEqual(400);
    expect(answer.status, context).toBeLessThan(500);
    if (c.status) expect(c.status, context).toContain(answer.status);
    expect(answer.headers['content-type'], context).toMatch(/^application\/json/);
    if (!('method' in c.request && c.request.method === 'HEAD')) expect(messageOf(answer), context).toEqual(expect.any(String));
    for (const name of SECURITY_HEADERS) expect(answer.headers[name], `${name} on ${context}`).toBeDefined();
    expect(answer.headers['set-cookie']).toBeUndefined();
    if (!c.reachesUpstream) expect(stack.hits.slice(before), 'reached an upstream').toEqual([]);
    expect(stack.alive(), `BFF exited: ${stack.exit()}`).toBe(true);
  });

  it('is still up and serving after all of it', async () => {
    const answer = await sendRaw(stack.bffPort, { method: 'GET', target: '/ops/healthz' });
    expect(answer.status).toBe(200);
    expect(stack.alive()).toBe(true);
    expect(figures.answered5xx).toBe(0);
    expect(figures.noAnswer).toBe(0);
  });
});
