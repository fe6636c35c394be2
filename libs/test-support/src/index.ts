export * from './opened-under-test';
export * from './server-target';
export * from './mongo-target';
