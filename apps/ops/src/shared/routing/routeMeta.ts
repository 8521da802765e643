// What a route may declare in `meta` (typed for every route in the app).
import type { Capability } from '@gigafibre/capabilities';
import type { MessageFeature } from '@/shared/i18n/featureMessageTypes';

/** How a route appears in the navigation (drawer on desktop, bottom tabs on phones). */
export interface NavMeta {
  /** i18n key of the label, e.g. 'nav.dispatch'. */
  label: string;
  /** Material icon name (material-icons font). */
  icon: string;
  /** Position in the navigation, ascending. */
  order: number;
  /** Also a tab in the phone's bottom bar (default true). */
  tab?: boolean;
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Every listed capability is needed to open the route (checked by the one guard). */
    requires?: Capability[];
    /** Present on routes that appear in the navigation. */
    nav?: NavMeta;
    /** i18n key of the document title; defaults to the nav label. */
    title?: string;
    /** Set by defineFeatureRoutes: whose messages load with the route. */
    feature?: MessageFeature;
  }
}

export {};
