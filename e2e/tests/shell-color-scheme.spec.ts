// The theme picked in the app wins over the OS's: with the OS dark and the app in light (or the
// reverse), no text may take the browser's default colour for the other scheme (white on white
// was the bug), and native parts (scrollbars, form controls) follow the app. axe colour-contrast
// on the clients search (with results open) and the dispatch board, at phone and desktop sizes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Role } from '../fixtures/auth';
import { transitionsEnded } from '../fixtures/axe';
import { ClientSearchPage } from '../pages/ClientSearchPage';
import { DispatchBoardPage } from '../pages/DispatchBoardPage';

const MISMATCHES = [
  { os: 'dark', app: 'light' },
  { os: 'light', app: 'dark' },
] as const;

const SIZES = [
  { name: 'bureau-1440x900', viewport: { width: 1440, height: 900 }, role: 'dispatch' as Role },
  { name: 'telephone-390x844', viewport: { width: 390, height: 844 }, role: 'support' as Role },
];

async function contrastViolations(page: Page): Promise<string[]> {
  await transitionsEnded(page);
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

// Both mismatches in one page per size: the OS's scheme changes under the open app (as when a laptop
// switches to night mode) and the user then picks the other one. A page load per variant cost the
// suite time it is short of.
for (const size of SIZES) {
  test(`${size.name}: OS dark with the app light, then OS light with the app dark: every text readable, native parts in the app's scheme`, async ({ asUser }, testInfo) => {
    test.setTimeout(90_000);
    const { page, shell } = await asUser(size.role, { viewport: size.viewport, colorScheme: MISMATCHES[0].os, open: '/clients' });
    // The app starts on the OS's choice.
    await expect(page.locator('body')).toHaveClass(/body--dark/);
    for (const { os, app } of MISMATCHES) {
      await page.emulateMedia({ colorScheme: os });
      // The user picks the other scheme than the OS's (remembered across a reload).
      const dark = await page.locator('body').evaluate((b) => b.classList.contains('body--dark'));
      if (dark !== (app === 'dark')) await shell.themeToggle().click();
      await page.reload();
      await shell.waitReady();
      await expect(page.locator('body')).toHaveClass(app === 'dark' ? /body--dark/ : /body--light/);

      const search = new ClientSearchPage(page);
      await expect(search.listRows().first()).toBeVisible();
      await search.search('tremblay');
      await expect(search.results().first()).toBeVisible();
      expect(await contrastViolations(page), `OS ${os}, app ${app}`).toEqual([]);
      // Native parts follow the app: the page's scrollbar (root element) and the form fields.
      expect(await page.locator('html').evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).colorScheme)).toBe(app);
      expect(await search.input().evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).colorScheme)).toBe(app);
      await testInfo.attach(`clients-os-${os}-app-${app}-${size.name}.png`, { body: await page.screenshot(), contentType: 'image/png' });

      if (size.role === 'dispatch') {
        await page.goto('/ops/dispatch');
        const board = new DispatchBoardPage(page);
        await board.waitReady();
        await expect(page.locator('[data-track] [data-job]').first()).toBeVisible();
        expect(await contrastViolations(page), `board, OS ${os}, app ${app}`).toEqual([]);
        await testInfo.attach(`dispatch-os-${os}-app-${app}-${size.name}.png`, { body: await page.screenshot(), contentType: 'image/png' });
        await page.goto('/ops/clients');
        await shell.waitReady();
      }
    }
  });
}
