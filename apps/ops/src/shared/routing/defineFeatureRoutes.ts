// A feature's routes, tagged with the feature so its messages load along with its page.
import type { RouteRecordRaw } from 'vue-router';
import type { MessageFeature } from '@/shared/i18n/featureMessageTypes';
import './routeMeta';

export function defineFeatureRoutes(feature: MessageFeature, routes: RouteRecordRaw[]): RouteRecordRaw[] {
  const tag = (record: RouteRecordRaw): RouteRecordRaw =>
    ({
      ...record,
      meta: { ...record.meta, feature },
      ...(record.children ? { children: record.children.map(tag) } : {}),
    }) as RouteRecordRaw;
  return routes.map(tag);
}
