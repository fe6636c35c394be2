export * from './crm-mode';
export * from './event-store/event-store.config';
export * from './event-store/event-store.module';
export * from './read-store/read-store.config';
export * from './read-store/read-store.module';
export * from './projections/built-in-projection-host';
export * from './projections/projections.module';
