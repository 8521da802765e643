export { default as EmptyState } from './EmptyState.vue';
export { default as ErrorState } from './ErrorState.vue';
export { default as LoadingSkeleton } from './LoadingSkeleton.vue';
export { default as PageHeader } from './PageHeader.vue';
export { useApiErrorText, type ErrorText } from './useApiErrorText';
export { useAsyncData, type AsyncData } from './useAsyncData';
