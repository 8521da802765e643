// Starts a standin for a test file: in-memory database, small seed, ephemeral ports.
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type ServiceName, type StandinConfig } from '../config';
import { startStandin, type Standin } from '../standin';

/** A fixed moment for tests: Monday 15 June 2026, 10:30 in Montréal (EDT). */
export const TEST_NOW = new Date('2026-06-15T14:30:00Z');

export const TEST_TOKENS = { erp: 'test-key:test-secret', hub: 'test-hub-token', jwt: 'test-jwt-secret-0123456789' } as const;

export interface HarnessOptions {
  services?: ServiceName[];
  scale?: number;
  faults?: boolean;
  bffUrls?: string[];
  /** A fixed clock (default TEST_NOW); `null` for the real clock. */
  now?: Date | null;
  heartbeatMs?: number;
  /** A database file (default `:memory:`). */
  db?: string;
  /** Each step of an outbound SMS lifecycle (default 20 ms: delivered within ~60 ms). */
  smsStepMs?: number;
}

export function testConfig(opts: HarnessOptions = {}): StandinConfig {
  return {
    ...loadConfig({
      STANDIN_DB: opts.db ?? ':memory:',
      STANDIN_SERVICES: (opts.services ?? ['erp', 'hub', 'edge']).join(','),
      STANDIN_ERP_PORT: '0',
      STANDIN_HUB_PORT: '0',
      OPS_PORT: '0',
      STANDIN_ERP_TOKEN: TEST_TOKENS.erp,
      STANDIN_HUB_TOKEN: TEST_TOKENS.hub,
      STANDIN_JWT_SECRET: TEST_TOKENS.jwt,
      STANDIN_JWT_ISSUER: 'http://edge.test/application/o/gigafibre-ops/',
      STANDIN_SCALE: String(opts.scale ?? 60),
      STANDIN_FAULTS: opts.faults ? '1' : '0',
      BFF_URL: (opts.bffUrls ?? ['http://127.0.0.1:9']).join(','),
      LOG_LEVEL: 'silent',
      STANDIN_SSE_HEARTBEAT_MS: String(opts.heartbeatMs ?? 15_000),
      STANDIN_SMS_STEP_MS: String(opts.smsStepMs ?? 20),
    }),
  };
}

export function startTestStandin(opts: HarnessOptions = {}): Promise<Standin> {
  const fixed = opts.now === undefined ? TEST_NOW : opts.now;
  return startStandin(testConfig(opts), fixed ? { now: () => new Date(fixed) } : {});
}

/**
 * The standin's ERP for one spec file: started before its tests, closed after them. Read
 * `erp.base` (its URL) and `erp.standin` inside tests and helpers they call, not at load time.
 */
export function useTestErp(opts: Omit<HarnessOptions, 'services'> = {}): { readonly base: string; readonly standin: Standin } {
  let standin: Standin | undefined;
  beforeAll(async () => {
    standin = await startTestStandin({ ...opts, services: ['erp'] });
  });
  afterAll(() => standin?.close());
  const started = (): Standin => {
    if (!standin) throw new Error('useTestErp: the standin is started in beforeAll; read it inside a test');
    return standin;
  };
  return {
    get base() {
      return started().urls.erp as string;
    },
    get standin() {
      return started();
    },
  };
}

/** fetch() against the ERP with the service token. */
export function erpFetch(base: string, path: string, init: RequestInit = {}, token: string = TEST_TOKENS.erp): Promise<Response> {
  return fetch(`${base}${path}`, { ...init, headers: { Authorization: `token ${token}`, ...(init.headers ?? {}) } });
}

/** fetch() against the hub with the bearer token. */
export function hubFetch(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}${path}`, { ...init, headers: { Authorization: `Bearer ${TEST_TOKENS.hub}`, ...(init.headers ?? {}) } });
}

/** `/api/resource/<Doctype>?…` with JSON-encoded parameters. */
export function resourceUrl(doctype: string, params: Record<string, unknown> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const qs = q.toString();
  return `/api/resource/${encodeURIComponent(doctype)}${qs ? `?${qs}` : ''}`;
}
