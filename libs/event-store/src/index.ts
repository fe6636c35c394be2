export * from './event-store';
export * from './snapshot-store';
export * from './errors';
export * from './upcasting-event-store';
export * from './map-pages';
export * from './adapters/sqlite';
export * from './adapters/esdb';
