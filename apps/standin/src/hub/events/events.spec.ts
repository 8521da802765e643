// The hub's SSE stream: ids, doc_change events for ERP writes, resume, heartbeats, many streams.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../edge/demo-users';
import { FIXTURE_JOBS } from '../../seed/fixtures';
import type { Standin } from '../../standin';
import { erpFetch, startTestStandin, TEST_TOKENS } from '../../testing/harness';

let standin: Standin;

beforeAll(async () => {
  standin = await startTestStandin({ services: ['erp', 'hub'], heartbeatMs: 200 });
});
afterAll(() => standin.close());

interface Stream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  close: () => void;
}

function open(headers: Record<string, string> = {}, hub: string = standin.urls.hub as string): Promise<Stream> {
  const url = new URL('/events', hub);
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Authorization: `Bearer ${TEST_TOKENS.hub}`, ...headers } }, (res) => {
      let buf = '';
      const waiters: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        for (const w of waiters.splice(0)) w();
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => buf,
        close: () => req.destroy(),
        waitFor: (pattern, timeoutMs = 3000) =>
          new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`no ${String(pattern)} in: ${buf.slice(-500)}`)), timeoutMs);
            const check = () => {
              const m = pattern.exec(buf);
              if (m) {
                clearTimeout(timer);
                ok(m[0]);
              } else waiters.push(check);
            };
            check();
          }),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const touchJob = (start: string) =>
  erpFetch(standin.urls.erp as string, `/api/resource/Dispatch%20Job/${FIXTURE_JOBS.overlapTarget.job}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Ops-User': DEMO.dispatch2.email },
    body: JSON.stringify({ start_time: start }),
  });

describe('GET /events', () => {
  it('streams with the proxy-safe headers, then an id on every doc_change', async () => {
    const s = await open();
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(s.headers['cache-control']).toBe('no-cache, no-transform');
    expect(s.headers['x-accel-buffering']).toBe('no');
    await s.waitFor(/: connected/);
    await touchJob('13:15');
    const frame = await s.waitFor(/id: \d+\nevent: doc_change\ndata: .+\n\n/);
    const data = JSON.parse(frame.split('data: ')[1] as string);
    expect(data).toMatchObject({ doctype: 'Dispatch Job', name: FIXTURE_JOBS.overlapTarget.job, action: 'update', changed: ['start_time'], by: DEMO.dispatch2.email });
    s.close();
  });

  it('sends heartbeat comments', async () => {
    const s = await open();
    await s.waitFor(/: heartbeat\n\n/, 2000);
    s.close();
  });

  it('resumes after Last-Event-ID with what was missed, in order, and nothing twice', async () => {
    const first = await open();
    await touchJob('13:30');
    const seen = Number(/id: (\d+)/.exec(await first.waitFor(/id: \d+/))?.[0].slice(4));
    first.close();
    await touchJob('13:45');
    await touchJob('14:00');
    const resumed = await open({ 'Last-Event-ID': String(seen) });
    await resumed.waitFor(/"start_time"\][\s\S]*"start_time"\]/);
    const ids = [...resumed.text().matchAll(/id: (\d+)/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([seen + 1, seen + 2]);
    await touchJob('14:15');
    await resumed.waitFor(new RegExp(`id: ${seen + 3}\\n`));
    expect([...resumed.text().matchAll(/id: (\d+)/g)].map((m) => Number(m[1]))).toEqual([seen + 1, seen + 2, seen + 3]);
    resumed.close();
  });

  it('delivers one event to many streams and forgets closed ones', async () => {
    const streams = await Promise.all(Array.from({ length: 50 }, () => open()));
    await Promise.all(streams.map((s) => s.waitFor(/: connected/)));
    await touchJob('12:00');
    await Promise.all(streams.map((s) => s.waitFor(/event: doc_change/)));
    for (const s of streams) s.close();
    await new Promise((r) => setTimeout(r, 100));
    const health = (await (await fetch(`${standin.urls.hub}/health`)).json()) as { streams: number };
    expect(health.streams).toBe(0);
  });

  it('relays writes made by another standin process on the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-shared-'));
    const db = join(dir, 'standin.db');
    const erp = await startTestStandin({ services: ['erp'], db });
    const hub = await startTestStandin({ services: ['hub'], db });
    try {
      const s = await open({}, hub.urls.hub as string);
      await s.waitFor(/: connected/);
      await erpFetch(erp.urls.erp as string, `/api/resource/Dispatch%20Job/${FIXTURE_JOBS.overlapTarget.job}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ duration_minutes: 150 }),
      });
      expect(await s.waitFor(/"changed":\["duration_minutes"\]/, 2000)).toBeTruthy();
      s.close();
    } finally {
      await hub.close();
      await erp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
