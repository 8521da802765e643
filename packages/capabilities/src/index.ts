export * from './capability';
export * from './groups';
export * from './policy';
export * from './match';
