export * from './aggregate';
export * from './command-errors';
export * from './command-executor';
export * from './command-outcome';
export * from './command-request';
export * from './keyed-serializer';
export * from './occurred-at-horizon';
export * from './request-hash';
