// Ports and settings of the stack the e2e suite starts (distinct from `npm start`'s defaults).
// E2E_PORT_BASE moves the whole set, so several checkouts can run the suite on one machine.
const base = Number(process.env.E2E_PORT_BASE ?? '8100');
export const E2E_PORTS = { edge: base + 80, bff: base + 90, erp: base + 1, hub: base + 2 } as const;

export const E2E_BASE_URL = `http://localhost:${E2E_PORTS.edge}`;
export const E2E_ERP_URL = `http://localhost:${E2E_PORTS.erp}`;
export const E2E_HUB_URL = `http://localhost:${E2E_PORTS.hub}`;

/** Tokens the standin accepts in the e2e run (tests use them to check what reached the upstreams). */
export const E2E_ERP_TOKEN = 'e2e-key:e2e-secret';
export const E2E_HUB_TOKEN = 'e2e-hub-token';

export const E2E_ENV: Record<string, string> = {
  OPS_PORT: String(E2E_PORTS.edge),
  BFF_PORT: String(E2E_PORTS.bff),
  STANDIN_ERP_PORT: String(E2E_PORTS.erp),
  STANDIN_HUB_PORT: String(E2E_PORTS.hub),
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
