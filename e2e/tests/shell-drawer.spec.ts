// The desktop drawer spans long pages: while the page scrolls it covers the window below the
// header, and in a full-page capture (reports, print) its column runs to the bottom of the page
// instead of stopping where the window ended.
import { createRequire } from 'node:module';
import { FIXTURE_CUSTOMERS } from '../../apps/standin/src/seed/fixtures';
import { expect, test } from '../fixtures/auth';
import { ClientFilePage } from '../pages/ClientFilePage';

const require = createRequire(import.meta.url);
interface PngImage {
  width: number;
  height: number;
  data: Buffer;
}
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): PngImage } } };

const VIEWPORT = { width: 1440, height: 900 };

/** `rgb(r, g, b)` → [r, g, b]. */
const rgb = (css: string): number[] => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);

function pixel(png: PngImage, x: number, y: number): number[] {
  const i = (png.width * y + x) * 4;
  return [png.data[i] ?? -1, png.data[i + 1] ?? -1, png.data[i + 2] ?? -1];
}

for (const theme of ['clair', 'sombre'] as const) {
  test(`drawer ${theme}: covers the window on a scrolled long page and runs the full height of a full-page capture`, async ({ asUser }, testInfo) => {
    const { page, shell } = await asUser('support', {
      viewport: VIEWPORT,
      colorScheme: theme === 'sombre' ? 'dark' : 'light',
      open: `/clients/${FIXTURE_CUSTOMERS.overdue.customer}`,
    });
    await new ClientFilePage(page).expectLoaded();
    await expect(page.locator('body')).toHaveClass(theme === 'sombre' ? /body--dark/ : /body--light/);
    const drawer = shell.drawer();
    await expect(drawer).toBeVisible();
    const docHeight = await page.locator('html').evaluate((html) => html.scrollHeight);
    expect(docHeight, 'the client file must be a long page for this test').toBeGreaterThan(VIEWPORT.height * 1.4);

    const colours = await drawer.evaluate((el) => {
      const view = el.ownerDocument.defaultView;
      const s = view.getComputedStyle(el);
      return { drawer: s.backgroundColor, border: s.borderRightColor, page: view.getComputedStyle(el.ownerDocument.body).backgroundColor, width: el.getBoundingClientRect().width };
    });
    expect(rgb(colours.drawer), 'drawer and page backgrounds differ (else this test sees nothing)').not.toEqual(rgb(colours.page));

    // Full-page capture: below the window's height, the drawer's column and border still show.
    const shot = await page.screenshot({ fullPage: true });
    await testInfo.attach(`drawer-pleine-page-${theme}.png`, { body: shot, contentType: 'image/png' });
    const png = PNG.sync.read(shot);
    expect(png.height).toBe(docHeight);
    const inside = Math.round(colours.width / 2);
    const borderX = Math.round(colours.width) - 1;
    for (const y of [VIEWPORT.height + 20, Math.round((VIEWPORT.height + docHeight) / 2), docHeight - 4]) {
      expect(pixel(png, inside, y), `drawer background at y=${y}`).toEqual(rgb(colours.drawer));
      expect(pixel(png, borderX, y), `drawer border at y=${y}`).toEqual(rgb(colours.border));
    }

    // Scrolled to the bottom: the (fixed) drawer still fills the window below the header.
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await page.mouse.wheel(0, docHeight);
    await expect.poll(() => page.locator('html').evaluate((html) => html.ownerDocument.defaultView.scrollY)).toBeGreaterThan(VIEWPORT.height * 0.3);
    const header = await shell.header().boundingBox();
    const box = await drawer.boundingBox();
    expect(header).not.toBeNull();
    expect(box).not.toBeNull();
    expect(box!.y).toBeLessThanOrEqual(header!.y + header!.height + 1);
    expect(box!.y + box!.height).toBeGreaterThanOrEqual(VIEWPORT.height - 1);
  });
}
