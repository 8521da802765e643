// Where the conformance suite runs: always against a standin it starts (in-memory, fixed clock),
// and against a real ERPNext too when ERP_URL and ERP_TOKEN (`key:secret`) are set. On ERPNext the
// suite only reads, unless ERP_CONFORMANCE_WRITES=1: then it also creates documents, changes and
// deletes those (and only those).
import { afterAll, beforeAll } from 'vitest';
import { montrealToday } from '@gigafibre/contracts';
import type { Standin } from '../src/standin';
import { startTestStandin, TEST_NOW, TEST_TOKENS } from '../src/testing/harness';

export interface Target {
  name: string;
  kind: 'standin' | 'erpnext';
  /** Base URL, set once the target is up (see `useTargets`). */
  url: string;
  token: string;
  /** May the suite create, change and delete its own documents here? */
  writes: boolean;
  /** The server's today (Montréal), for date filters. */
  today(): string;
}

const erpUrl = process.env.ERP_URL?.replace(/\/$/, '');
const erpToken = process.env.ERP_TOKEN;

/** The targets of this run: the standin, and ERPNext when configured. */
export function targets(): Target[] {
  const list: Target[] = [{ name: 'standin', kind: 'standin', url: '', token: TEST_TOKENS.erp, writes: true, today: () => montrealToday(TEST_NOW) }];
  if (erpUrl && erpToken) {
    list.push({
      name: `ERPNext ${erpUrl}`,
      kind: 'erpnext',
      url: erpUrl,
      token: erpToken,
      writes: process.env.ERP_CONFORMANCE_WRITES === '1',
      today: () => montrealToday(new Date()),
    });
  }
  return list;
}

/**
 * The targets of this test file: the standin started in beforeAll (stopped in afterAll), and ERPNext
 * when configured (otherwise a note says the real run is not configured: not a failure, the
 * standin run is the gate).
 */
export function useTargets(): Target[] {
  const list = targets();
  let standin: Standin | undefined;
  beforeAll(async () => {
    if (list.length === 1) {
      console.warn('Frappe conformance: only the standin is checked (set ERP_URL and ERP_TOKEN=key:secret to check a real ERPNext too, ERP_CONFORMANCE_WRITES=1 to let it write).');
    }
    standin = await startTestStandin({ services: ['erp'], scale: 200 });
    (list[0] as Target).url = standin.urls.erp as string;
  });
  afterAll(() => standin?.close());
  return list;
}
