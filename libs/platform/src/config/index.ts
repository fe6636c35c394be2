export * from './api-environment';
export * from './bus-environment';
export * from './bus.config';
export * from './projector-environment';
export * from './relay-environment';
export * from './store-environment';
export * from './validate-environment';
export * from './load-settings';
