// The navigation a user sees: routes that declare `meta.nav`, minus what they may not open.
import type { Capability } from '@gigafibre/capabilities';
import type { RouteRecordNormalized } from 'vue-router';
import { missingCapabilities } from './access';
import '@/shared/routing/routeMeta';

export interface NavItem {
  name: string;
  label: string;
  icon: string;
  order: number;
  tab: boolean;
}

export function navItems(routes: readonly RouteRecordNormalized[], held: ReadonlySet<Capability>): NavItem[] {
  return routes
    .filter((route) => route.meta.nav && typeof route.name === 'string' && !route.path.includes(':'))
    .filter((route) => missingCapabilities([route], held).length === 0)
    .map((route) => {
      const nav = route.meta.nav!;
      return { name: route.name as string, label: nav.label, icon: nav.icon, order: nav.order, tab: nav.tab ?? true };
    })
    .sort((a, b) => a.order - b.order);
}

/** At most this many tabs fit a 390 px wide phone with readable labels. */
export const MAX_PHONE_TABS = 5;

/** The bottom bar's tabs, and whether some items only live in the menu. */
export function phoneTabs(items: readonly NavItem[]): { tabs: NavItem[]; overflow: boolean } {
  const candidates = items.filter((item) => item.tab);
  const tabs = candidates.slice(0, MAX_PHONE_TABS);
  return { tabs, overflow: tabs.length < items.length };
}
