import type { App } from 'vue';
import { createAppRouter } from '@/router';

export async function bootRouter(app: App): Promise<void> {
  const router = createAppRouter();
  app.use(router);
  await router.isReady();
}
