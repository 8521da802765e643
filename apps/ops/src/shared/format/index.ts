export * from './dates';
export * from './money';
export * from './phone';
export * from './locale';
export { useFormat } from './useFormat';
