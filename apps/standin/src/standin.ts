// Starts the configured services on one database: what main.ts runs, and what tests and benches start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceName, StandinConfig } from './config';
import { EventLog } from './db/events';
import { IdempotencyStore } from './db/idempotency';
import type { Db } from './db/open';
import { prepareDatabase } from './db/prepare';
import { createEdge } from './edge/app';
import { createErpHandler } from './erp/app';
import { DocStore } from './erp/docs/store';
import { ListRunner } from './erp/query/run-list';
import { FaultStore } from './faults/store';
import { startService, type RunningService } from './http/service';
import { createHub } from './hub/app';
import { EventBroadcaster } from './hub/events/broadcaster';
import { createLogger } from './log';
import type { SeedResult } from './seed/index';

export interface Standin {
  db: Db;
  seed: SeedResult | null;
  /** Base URL of each started service. */
  urls: Partial<Record<ServiceName, string>>;
  services: RunningService[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** The business clock (tests pin it; default: STANDIN_CLOCK or the system's); the seed's "now" is its value at start. */
  now?: () => Date;
}

/** The business clock: STANDIN_CLOCK's moment running at real pace, else the system clock. */
function businessClock(config: StandinConfig): () => Date {
  const { clock } = config;
  return clock === null ? () => new Date() : () => new Date(clock());
}

export async function startStandin(config: StandinConfig, opts: StartOptions = {}): Promise<Standin> {
  const now = opts.now ?? businessClock(config);
  const log = createLogger('standin', config.logLevel);
  const { db, seed } = await prepareDatabase(config, now(), log);
  const events = new EventLog(db);
  const docs = new DocStore(db, events, now);
  const idempotency = new IdempotencyStore(db, () => now().getTime());
  const services: RunningService[] = [];
  const urls: Partial<Record<ServiceName, string>> = {};
  const closers: (() => void)[] = [];
  const faults = () => (config.faults ? new FaultStore() : undefined);
  // upload_file's content: beside the database file (`<db>.files/private/files/…`), or a
  // temporary folder for an in-memory database, removed at close.
  const memory = config.db === ':memory:';
  const files = { root: memory ? mkdtempSync(join(tmpdir(), 'standin-files-')) : `${config.db}.files` };
  if (memory) closers.push(() => rmSync(files.root, { recursive: true, force: true }));

  try {
    if (config.services.includes('erp')) {
      const handler = createErpHandler({ store: docs, lists: new ListRunner(db), idempotency, token: config.erpToken, now, files }, createLogger('erp', config.logLevel));
      services.push(await startService({ name: 'erp', handler, log: createLogger('erp', config.logLevel), faults: faults(), now }, config.erpPort, config.host));
    }
    if (config.services.includes('hub')) {
      // With the ERP in this process its writes wake the stream at once; otherwise poll the shared file.
      const pollMs = config.services.includes('erp') ? null : 250;
      const broadcaster = new EventBroadcaster(events, { heartbeatMs: config.sseHeartbeatMs, pollMs });
      broadcaster.start();
      closers.push(() => broadcaster.close());
      const hubLog = createLogger('hub', config.logLevel);
      const twilio = { authToken: config.twilioAuthToken, number: config.twilioNumber, stepMs: config.smsStepMs };
      const hub = createHub({ db, docs, idempotency, events: broadcaster, token: config.hubToken, now, log: events, pollMs, twilio, logger: hubLog, webhookSecret: config.webhookSecret });
      closers.push(() => hub.close());
      const onClose = () => {
        hub.close();
        broadcaster.close();
      };
      services.push(await startService({ name: 'hub', handler: hub.handler, log: hubLog, faults: faults(), now, onClose }, config.hubPort, config.host));
    }
    if (config.services.includes('edge')) {
      const edgeLog = createLogger('edge', config.logLevel);
      // One rule set for the edge's own answers and its forward-auth endpoint (a proxy in front asks it).
      // Sign-in sessions and JWTs keep real time, whatever the business clock says.
      const edgeFaults = faults();
      const jwt = { secret: config.jwtSecret, issuer: config.jwtIssuer, audience: config.jwtAudience };
      const edge = createEdge({ db, bffUrls: config.bffUrls, jwt, log: edgeLog, now: () => new Date(), faults: edgeFaults });
      closers.push(() => edge.close());
      services.push(await startService({ name: 'edge', handler: edge.handler, log: edgeLog, faults: edgeFaults, now }, config.edgePort, config.host));
    }
  } catch (err) {
    await Promise.all(services.map((s) => s.close()));
    db.close();
    throw err;
  }
  for (const s of services) urls[s.name as ServiceName] = s.url;

  return {
    db,
    seed,
    urls,
    services,
    close: async () => {
      for (const close of closers) close();
      await Promise.all(services.map((s) => s.close()));
      db.close();
    },
  };
}
