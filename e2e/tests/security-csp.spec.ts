// Issue 11: the built SPA works under the BFF's strict Content-Security-Policy (no inline script,
// no eval, no inline style beyond the hashed boot splash): every main screen is opened, in both
// themes and both languages, and not one CSP violation may be reported.
import type { Page } from '@playwright/test';
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS } from '../../apps/standin/src/seed/fixtures';
import { expect, test, type Role } from '../fixtures/auth';

// Runs in the page before any of its scripts (a string: this project's Node types know no DOM).
const WATCH_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });
`;

/** Records every CSP violation the page reports, from before its first script runs; returns the console's CSP errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Permissions-Policy|Refused to/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  await page.addInitScript(WATCH_VIOLATIONS);
  return consoleErrors;
}

const violations = (page: Page) => page.evaluate<string[]>('window.__cspViolations ?? []');

const ADMIN_SCREENS = [
  '/dispatch',
  `/dispatch?job=${FIXTURE_JOBS.unassignedToday.job}`,
  '/clients',
  `/clients/${FIXTURE_CUSTOMERS.healthyMesh.customer}`,
  `/diagnostics?serial=${FIXTURE_CUSTOMERS.badOptical.ont.serial}`,
  '/j',
  `/j/${FIXTURE_JOBS.techToday[0]}`,
  '/scan',
  '/settings/users',
  '/profile',
];

async function visit(page: Page, hash: string): Promise<void> {
  await page.goto(`/ops${hash}`);
  await expect(page.locator('main h1').first()).toBeVisible();
  // Judge the screen once its data has landed (skeletons gone), not while it is still loading.
  await expect(page.locator('main .q-skeleton')).toHaveCount(0);
}

test('the document carries the strict CSP, and a violation would be seen', async ({ asUser }) => {
  const { page } = await asUser('support', { open: false });
  await watchViolations(page);
  const response = await page.goto('/ops/index.html');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  await expect(page.locator('main h1').first()).toBeVisible();
  // The watcher works: an injected inline script is refused and reported.
  const ran = await page.evaluate<boolean>(`(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    return window.__inlineRan === true;
  })()`);
  expect(ran).toBe(false);
  await expect.poll(() => violations(page)).toEqual([expect.stringContaining('script-src')]);
});

test('no CSP violation on any main screen, light and dark, French and English', async ({ asUser }) => {
  test.slow();
  const { page, shell } = await asUser('admin', { open: false });
  const consoleErrors = await watchViolations(page);
  for (const hash of ADMIN_SCREENS) await visit(page, hash);
  // The dispatch map (Leaflet) and a dialog.
  await visit(page, '/dispatch');
  await page.getByRole('button', { name: 'Carte' }).click();
  await expect(page.locator('.leaflet-container')).toBeVisible();
  await visit(page, '/settings/users');
  await page.getByRole('button', { name: /Inviter/ }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await shell.themeToggle().click();
  await shell.chooseLanguage('English');
  for (const hash of ['/dispatch', `/clients/${FIXTURE_CUSTOMERS.overdue.customer}`, '/settings/users']) await visit(page, hash);
  await shell.chooseLanguage('Français');
  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('no CSP violation for other roles on their own screens (phone for the technician)', async ({ asUser }) => {
  const screens: [Role, string[], { width: number; height: number }][] = [
    ['tech', ['/j', '/scan', '/diagnostics'], { width: 390, height: 844 }],
    ['dispatch', ['/dispatch', '/clients'], { width: 1440, height: 900 }],
  ];
  for (const [role, hashes, viewport] of screens) {
    const { page } = await asUser(role, { open: false, viewport });
    const consoleErrors = await watchViolations(page);
    for (const hash of hashes) await visit(page, hash);
    expect(await violations(page), role).toEqual([]);
    expect(consoleErrors, role).toEqual([]);
  }
});
