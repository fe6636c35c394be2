export * from './rule';
export * from './fact-path';
export * from './condition';
export * from './condition-shape';
export * from './command-template';
export * from './rule-file';
export * from './matching-rules';
