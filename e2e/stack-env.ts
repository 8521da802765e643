// Ports and settings of the stack the e2e suite starts (distinct from `npm start`'s defaults).
// E2E_PORT_BASE moves the whole set, so several checkouts can run the suite on one machine.
import { SUITE_CLOCK } from './clock';

const base = Number(process.env.E2E_PORT_BASE ?? '8100');
// The edge is nginx (as production's Traefik) in front of two BFF replicas (bff, bff + 1); the
// standin's edge plays Authentik's outpost behind it (outpost).
export const E2E_PORTS = { edge: base + 80, outpost: base + 83, bff: base + 90, erp: base + 1, hub: base + 2 } as const;

export const E2E_BASE_URL = `http://localhost:${E2E_PORTS.edge}`;
export const E2E_ERP_URL = `http://localhost:${E2E_PORTS.erp}`;
export const E2E_HUB_URL = `http://localhost:${E2E_PORTS.hub}`;

/** Tokens the standin accepts in the e2e run (tests use them to check what reached the upstreams). */
export const E2E_ERP_TOKEN = 'e2e-key:e2e-secret';
export const E2E_HUB_TOKEN = 'e2e-hub-token';

/** Where one e2e stack answers. */
export interface StackUrls {
  baseUrl: string;
  erpUrl: string;
  hubUrl: string;
}

/** The stack Playwright starts for the whole run (webServer). */
export const MAIN_STACK: StackUrls = { baseUrl: E2E_BASE_URL, erpUrl: E2E_ERP_URL, hubUrl: E2E_HUB_URL };

/**
 * Ports of the extra stack a worker starts for an hour of the clock matrix (fixtures/stack.ts):
 * slot `k` (the worker's parallel index) gets base+11+10k …, below the main stack's ports.
 */
export function hourStackPorts(slot: number): typeof E2E_PORTS {
  const first = base + 11 + 10 * slot;
  // erp, hub, edge, outpost, then the BFF replicas (bff, bff + 1).
  if (first + 6 >= E2E_PORTS.edge) throw new Error(`no ports left for hour stack ${slot}`);
  return { erp: first, hub: first + 1, edge: first + 2, outpost: first + 3, bff: first + 4 };
}

/** The environment of scripts/stack.ts for a stack on `ports` whose business clock reads `clock`. */
export function stackEnv(ports: typeof E2E_PORTS, clock: string): Record<string, string> {
  return {
    ...E2E_ENV,
    OPS_PORT: String(ports.edge),
    OUTPOST_PORT: String(ports.outpost),
    BFF_PORT: String(ports.bff),
    STANDIN_ERP_PORT: String(ports.erp),
    STANDIN_HUB_PORT: String(ports.hub),
    STANDIN_CLOCK: clock,
  };
}

export const E2E_ENV: Record<string, string> = {
  OPS_PORT: String(E2E_PORTS.edge),
  OUTPOST_PORT: String(E2E_PORTS.outpost),
  BFF_PORT: String(E2E_PORTS.bff),
  BFF_REPLICAS: '2',
  // nginx is required (npm test installs it); OPS_EDGE=standin runs the suite through the standin's edge instead.
  OPS_EDGE: process.env.OPS_EDGE ?? 'nginx',
  STANDIN_ERP_PORT: String(E2E_PORTS.erp),
  STANDIN_HUB_PORT: String(E2E_PORTS.hub),
  STANDIN_CLOCK: SUITE_CLOCK,
  STANDIN_ERP_TOKEN: E2E_ERP_TOKEN,
  STANDIN_HUB_TOKEN: E2E_HUB_TOKEN,
  STANDIN_DB: ':memory:',
  STANDIN_FAULTS: '1',
  // One customer with HTML/script in its texts (security-xss.spec.ts); fixtures untouched.
  STANDIN_HOSTILE_TEXT: '1',
  LOG_LEVEL: 'warn',
  // Each demo account stands in for every session of its role across the suite's workers (dozens of
  // board and client loads a minute): the per-user row budget is for one person, so it is widened
  // here; apps/bff/test/access tests the budget itself.
  OPS_RATE_LIMIT_LIST_ROWS: '999999/10m',
  ...(process.env.OPS_DIST ? { OPS_DIST: process.env.OPS_DIST } : {}),
  ...(process.env.BFF_BUNDLE ? { BFF_BUNDLE: process.env.BFF_BUNDLE } : {}),
};
