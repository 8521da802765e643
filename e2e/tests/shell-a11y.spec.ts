// axe-core on the shell in light and dark mode, at phone and desktop sizes; the screenshots are
// attached to the report.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Role } from '../fixtures/auth';
import { transitionsEnded } from '../fixtures/axe';

const SIZES = [
  { name: 'telephone-390x844', role: 'tech' as Role, viewport: { width: 390, height: 844 } },
  { name: 'bureau-1440x900', role: 'dispatch' as Role, viewport: { width: 1440, height: 900 } },
];

// Both themes in one page per size (the user switches, as they would): a page load per variant
// cost the suite time it is short of.
for (const size of SIZES) {
  test(`shell ${size.name}, light then dark: no serious or critical axe violation`, async ({ asUser }, testInfo) => {
    const { page, shell } = await asUser(size.role, { viewport: size.viewport });
    await expect(shell.liveIndicator()).toHaveAttribute('data-status', 'connected');
    for (const theme of ['clair', 'sombre'] as const) {
      if (theme === 'sombre') await shell.themeToggle().click();
      await expect(page.locator('body')).toHaveClass(theme === 'sombre' ? /body--dark/ : /body--light/);
      await transitionsEnded(page);
      await testInfo.attach(`shell-${size.name}-${theme}.png`, { body: await page.screenshot(), contentType: 'image/png' });

      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, theme).toEqual([]);
    }
    // Remembered: a reload stays dark.
    await page.reload();
    await shell.waitReady();
    await expect(page.locator('body')).toHaveClass(/body--dark/);
  });
}

test('the profile page passes axe too', async ({ asUser }) => {
  const { page } = await asUser('admin', { open: '/profile' });
  await expect(page.getByTestId('profile-capabilities')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
