export { useHubEvents, useLiveEvents, type UseLiveEventsOptions } from './useLiveEvents';
export { useLiveStore, type HubEventSubscription, type LiveSubscription } from './useLiveStore';
export type { LiveEventFilter } from './liveEventFilter';
export type { LiveStatus, OfflineReason } from './liveConnection';
