// The stack the access suites attack over real HTTP: the real standin (ERPNext + hub, seeded, on
// its test clock), a counting proxy in front of each upstream (what reached the ERP, and with which
// query), and the real BFF on an ephemeral port, its access step on the same clock as the ERP (the
// technician's window is Montréal's day of that clock).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { erpFetch, startTestStandin, TEST_NOW, TEST_TOKENS } from '../../../standin/src/testing/harness';
import type { Standin } from '../../../standin/src/standin';
import type { BffEnv } from '../../src/config';
import { countingProxy, type UpstreamHit } from '../hostile/hostileStack';
import { listen, type Listening } from '../rawHttp';
import { buildApp, testEnv, type TestApp } from '../testEnv';

export interface AccessStack {
  standin: Standin;
  t: TestApp;
  server: Listening;
  /** Every request that reached the ERP or the hub (the users' and the BFF's own). */
  hits: UpstreamHit[];
  /** The BFF's clock (ms); move it to age the scope cache. */
  clock: { now: number };
  /** A GET straight to the ERP with the service token (the truth the suite compares with). */
  erp(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

export async function startAccessStack(extra: BffEnv = {}): Promise<AccessStack> {
  const standin = await startTestStandin({ services: ['erp', 'hub'], scale: 60 });
  const hits: UpstreamHit[] = [];
  const erpProxy = await countingProxy('erp', standin.urls.erp as string, hits);
  const hubProxy = await countingProxy('hub', standin.urls.hub as string, hits);
  const clock = { now: TEST_NOW.getTime() };
  const env = testEnv(`http://127.0.0.1:${portOf(erpProxy)}`, `http://127.0.0.1:${portOf(hubProxy)}`, {
    ERP_TOKEN: TEST_TOKENS.erp,
    HUB_TOKEN: TEST_TOKENS.hub,
    LOG_LEVEL: 'info',
    UPSTREAM_TIMEOUT_MS: '5000',
    ...extra,
  });
  const t = buildApp(env, { access: { now: () => clock.now } });
  const server = await listen(t.app);
  return {
    standin,
    t,
    server,
    hits,
    clock,
    erp: (path, init) => erpFetch(standin.urls.erp as string, path, init),
    stop: async () => {
      t.app.closeUpstreams();
      await server.close();
      for (const proxy of [erpProxy, hubProxy]) {
        proxy.closeAllConnections();
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      }
      await standin.close();
    },
  };
}
