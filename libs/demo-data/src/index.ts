export type { DemoCommand } from './demo-command';
export { DEFAULT_DEMO_DATA_OPTIONS, type DemoDataOptions } from './options';
export { demoCommands, demoCustomerIds } from './demo-commands';
export { mulberry32 } from './prng';
