export * from './sqlite-event-bus';
