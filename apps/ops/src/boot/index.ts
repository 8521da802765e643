// Runs every app-wide install, in dependency order.
import type { App } from 'vue';
import { bootHttp } from './http';
import { bootI18n } from './i18n';
import { bootLive } from './live';
import { bootPinia } from './pinia';
import { bootQuasar } from './quasar';
import { bootRouter } from './router';
import { bootSession } from './session';

export async function boot(app: App): Promise<void> {
  bootQuasar(app);
  bootPinia(app);
  await bootI18n(app);
  bootHttp();
  await bootSession();
  await bootRouter(app);
  bootLive();
}
