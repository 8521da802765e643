export * from './capability';
export * from './groups';
export * from './access';
export * from './accessTable';
export * from './policy';
export * from './match';
