export * from './read-store';
export * from './errors';
export * from './adapters/sqlite';
export * from './adapters/mongo';
