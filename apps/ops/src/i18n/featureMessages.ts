// Where each feature's messages come from. They load with the feature's routes (never in the first
// load); the one place that lists them, so nothing else needs editing when a feature grows.
import type { FeatureMessages, MessageFeature } from './defineFeatureMessages';

export const FEATURE_MESSAGE_LOADERS: Record<MessageFeature, () => Promise<{ default: FeatureMessages }>> = {
  dispatch: () => import('@/features/dispatch/i18n'),
  clients: () => import('@/features/clients/i18n'),
  diagnostics: () => import('@/features/diagnostics/i18n'),
  scan: () => import('@/features/scan/i18n'),
  users: () => import('@/features/users/i18n'),
};
