// The edge's sign-in page (Authentik's flow, played by the standin).
import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(readonly page: Page) {}

  readonly heading = () => this.page.getByRole('heading', { name: 'Connexion à Gigafibre Ops' });

  /** Fills the form and submits; resolves once the browser has left the sign-in page. */
  async signIn(email: string, password: string): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await this.page.getByLabel('Adresse courriel').fill(email);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await this.page.waitForURL((url) => url.pathname.startsWith('/ops/'));
  }

  /** True when the browser is on the sign-in page (e.g. a cached session was signed out). */
  isShown(): boolean {
    return new URL(this.page.url()).pathname.startsWith('/if/flow/');
  }
}
