export * from './bus-log';
export * from './customer-keys';
export * from './event-bus';
export * from './event-message';
export * from './partition-for-key';
export * from './topic-name';
export * from './adapters/kafka';
export * from './adapters/sqlite';
