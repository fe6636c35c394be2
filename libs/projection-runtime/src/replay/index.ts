export * from './bulk-collection-writer';
export * from './rebuild';
export * from './rebuild-record';
export * from './replay';
export * from './replay-into';
export * from './replay-options';
export * from './rollback';
export * from './shadow-collection';
