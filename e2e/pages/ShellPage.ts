// The SPA's frame: header, navigation (drawer or bottom tabs), language, theme, user menu, dialogs.
import { expect, type Locator, type Page } from '@playwright/test';

export class ShellPage {
  constructor(readonly page: Page) {}

  readonly header = () => this.page.locator('header.q-header');
  readonly userMenu = () => this.page.getByTestId('user-menu');
  readonly userName = () => this.page.getByTestId('user-name');
  readonly liveIndicator = () => this.page.getByTestId('live-indicator');
  readonly languageSwitch = () => this.page.getByTestId('language-switch');
  readonly themeToggle = () => this.page.getByTestId('theme-toggle');
  /** The navigation drawer (docked on desktop, sliding over the page on phones). */
  readonly drawer = () => this.page.locator('aside.q-drawer');
  readonly mainHeading = () => this.page.locator('main h1').first();
  readonly sessionExpiredDialog = () => this.page.getByRole('alertdialog');
  readonly accessDenied = () => this.page.getByTestId('access-denied');

  /** Opens `/ops/#<hash>` and waits for the shell to be up. */
  async open(hash = '/'): Promise<void> {
    await this.page.goto(`/ops${hash}`);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    // The first page of a freshly started stack (an hour project's) boots cold: JWKS, scopes, chunks.
    await expect(this.header()).toBeVisible({ timeout: 20_000 });
    await expect(this.mainHeading()).toBeVisible();
  }

  /** The route shown (`/ops/dispatch`), without its query. */
  route(): string {
    return new URL(this.page.url()).pathname;
  }

  private async names(items: Locator): Promise<string[]> {
    return items.evaluateAll((els) => els.map((el) => el.getAttribute('data-nav') ?? ''));
  }

  /** Route names in the desktop drawer, in order. */
  async drawerItems(): Promise<string[]> {
    await expect(this.page.getByTestId('nav-profile')).toBeVisible();
    return this.names(this.page.getByTestId('nav-item'));
  }

  /** Route names in the phone's bottom bar, in order. */
  async tabItems(): Promise<string[]> {
    await expect(this.page.getByTestId('tab-item').first()).toBeVisible();
    return this.names(this.page.getByTestId('tab-item'));
  }

  async chooseLanguage(label: 'Français' | 'English'): Promise<void> {
    await this.languageSwitch().click();
    await this.page.getByRole('menuitemradio', { name: label }).click();
  }

  async openProfileFromMenu(): Promise<void> {
    await this.userMenu().click();
    await this.page.getByTestId('menu-profile').click();
    await expect(this.page).toHaveURL(/\/ops\/profile$/);
  }

  async signOut(): Promise<void> {
    await this.userMenu().click();
    await this.page.getByTestId('sign-out').click();
  }
}
