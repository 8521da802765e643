import { defineConfig, devices } from '@playwright/test';
import { HARD_HOURS, HOURS_TAG, SUITE_CLOCK } from './clock';
import type { StackWorkerFixtures } from './fixtures/stack';
import { E2E_ENV, E2E_BASE_URL } from './stack-env';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } };

// Stories that change what every signed-in user sees run on a stack of their own (as the hours do),
// never beside the others: an open outage puts a banner over every page (a dispatcher's drag lands
// 36 px off), and a customer's reply pops a notice for their ticket's assignee.
const ISOLATED = /\/(incidents|messaging)\.spec\.ts$/;

// The whole product (standin ERPNext + hub + edge, and the built BFF serving the built SPA)
// runs once for the suite, on its own ports, with an in-memory database and fault injection on,
// on the suite's business clock (clock.ts). The tests tagged HOURS_TAG run again at each of the
// HARD_HOURS, each project's worker on a stack of its own seeded at that moment (fixtures/stack.ts);
// the ISOLATED stories run on one of their own too, at the suite's clock.
export default defineConfig<object, Pick<StackWorkerFixtures, 'clockAt'>>({
  testDir: './tests',
  outputDir: './.artifacts/results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // A test signs in two users and runs axe on four screens within this on CI's 2 cores (45 s was at the edge).
  timeout: 60_000,
  expect: { timeout: 8_000 },
  reporter: [['list'], ['html', { outputFolder: './.artifacts/report', open: 'never' }]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'fr-CA',
    timezoneId: 'America/Toronto',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: desktop, testIgnore: ISOLATED },
    { name: 'isole', testMatch: ISOLATED, workers: 1, use: { ...desktop, clockAt: SUITE_CLOCK } },
    // One worker per hour: each worker of an hour starts (and seeds) a stack of its own, and two
    // for four short tests cost more than they saved. Two hours still run side by side.
    ...HARD_HOURS.map(({ label, at }) => ({ name: `heure-${label}`, grep: new RegExp(HOURS_TAG), workers: 1, use: { ...desktop, clockAt: at } })),
  ],
  webServer: {
    // The .bin entry is pnpm's shell shim, not a JS file: run it directly.
    command: '../node_modules/.bin/tsx ../scripts/stack.ts',
    url: `${E2E_BASE_URL}/ops/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: E2E_ENV,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
