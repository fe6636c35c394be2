export * from './kafka-event-bus';
export * from './kafka-event-bus-options';
