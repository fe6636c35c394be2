export * from './crm-mode';
export * from './event-store/event-store.config';
export * from './event-store/event-store.module';
