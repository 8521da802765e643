// Where each feature's messages come from. They load with the feature's routes (never in the first
// load); the one place that lists them, so nothing else needs editing when a feature grows.
import type { FeatureMessages, MessageFeature } from '@/shared/i18n/defineFeatureMessages';

export const FEATURE_MESSAGE_LOADERS: Record<MessageFeature, () => Promise<{ default: FeatureMessages }>> = {
  dispatch: () => import('@/features/dispatch/messages'),
  clients: () => import('@/features/clients/messages'),
  tickets: () => import('@/features/tickets/messages'),
  diagnostics: () => import('@/features/diagnostics/messages'),
  scan: () => import('@/features/scan/messages'),
  users: () => import('@/features/users/messages'),
  profile: () => import('@/features/profile/messages'),
  incidents: () => import('@/features/incidents/messages'),
};
