// The event-stream tests' stack, fresh for each test: a fake ERPNext, a fake hub that streams
// events, and BFFs started on demand against them, all closed after the test.
import { afterEach, beforeEach } from 'vitest';
import type { BffApp } from '../src/app';
import type { BffEnv } from '../src/config';
import { startFakeEventHub, type FakeEventHub } from './fakeEventHub';
import { startFakeUpstream, type FakeUpstream, type UpstreamHandler } from './fakeUpstream';
import { listen, type Listening } from './rawHttp';
import { buildApp, testEnv, type TestApp } from './testEnv';

export interface EventStack {
  readonly erp: FakeUpstream;
  readonly hub: FakeEventHub;
  /** A BFF against this test's ERP and hub; `wrap` may stand between the server and the app. */
  startBff(env?: BffEnv, wrap?: (app: BffApp) => BffApp): Promise<{ t: TestApp; port: number }>;
}

/** Registers the hooks; call once at the top of a spec file. */
export function useEventStack(erpHandler?: UpstreamHandler): EventStack {
  let erp: FakeUpstream | undefined;
  let hub: FakeEventHub | undefined;
  const running: { t: TestApp; server: Listening }[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the event stack starts before each test');
    return value;
  };

  beforeEach(async () => {
    erp = await startFakeUpstream(erpHandler);
    hub = await startFakeEventHub();
  });
  afterEach(async () => {
    for (const { t, server } of running.splice(0)) {
      t.app.closeUpstreams();
      await server.close();
    }
    await Promise.all([erp?.close(), hub?.close()]);
  });

  return {
    get erp() {
      return started(erp);
    },
    get hub() {
      return started(hub);
    },
    async startBff(env = {}, wrap) {
      const t = buildApp(testEnv(started(erp).url, started(hub).url, { LOG_LEVEL: 'warn', ...env }));
      const server = await listen(wrap ? wrap(t.app) : t.app);
      running.push({ t, server });
      return { t, port: server.port };
    },
  };
}
