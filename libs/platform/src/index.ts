export * from './crm-mode';
export * from './event-store/event-store.config';
export * from './event-store/event-store.module';
export * from './read-store/read-store.config';
export * from './read-store/read-store.module';
export * from './projections/projection-host-factory';
export * from './projections/projection-registry';
export * from './projections/projections.module';
