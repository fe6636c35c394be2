export * from './collection-name';
export * from './dead-letter';
export * from './document-chain';
export * from './event-source';
export * from './projection-host';
export * from './projection-runner';
export * from './projection-runner-options';
export * from './projection-status';
