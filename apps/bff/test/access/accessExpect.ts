// Assertions the access suites share: a refusal is a 4xx JSON naming why; nothing of a user's
// request reached the ERP; a list shows only rows of the expected set.
import { expect } from 'vitest';
import type { UpstreamHit } from '../hostile/hostileStack';
import type { RawAnswer } from '../hostile/rawClient';
import { rowsOf } from './accessClient';

/** Counts the cases each suite ran, printed with the suite's figures. */
export const tally = { cases: 0 };

/** The users' calls that reached the ERP since `from` (the BFF's own access reads excluded). */
export function userCalls(hits: readonly UpstreamHit[], from: number): UpstreamHit[] {
  return hits.slice(from).filter((h) => h.upstream === 'erp' && h.user !== undefined);
}

/** A 4xx JSON refusal with `status`, the BFF's French message, and `details` (reason, field…). */
export function expectRefused(answer: RawAnswer, status: number, details: Record<string, unknown> = {}): void {
  const context = `${answer.status} ${answer.body.slice(0, 300)}`;
  expect(answer.status, context).toBe(status);
  expect(answer.headers['content-type'], context).toMatch(/^application\/json/);
  expect(answer.json, context).toMatchObject({ error: expect.any(String), message: expect.any(String), requestId: expect.any(String), ...details });
}

/** A 200 list whose rows' `key` all belong to `allowed`; returns the rows. */
export function expectOnly(answer: RawAnswer, allowed: ReadonlySet<string>, key = 'name'): Record<string, unknown>[] {
  expect(answer.status, answer.body.slice(0, 300)).toBe(200);
  const rows = rowsOf(answer);
  const strays = rows.filter((r) => !allowed.has(String(r[key])));
  expect(strays, `rows outside the scope (${key})`).toEqual([]);
  return rows;
}

/** The set of `key` values of a list answer. */
export function valuesOf(answer: RawAnswer, key = 'name'): Set<string> {
  return new Set(rowsOf(answer).map((r) => String(r[key])));
}
