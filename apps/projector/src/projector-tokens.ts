import type { BusProjector } from './bus-projector';

export const BUS_PROJECTORS = Symbol('BusProjectors');
export type BusProjectors = readonly BusProjector[];
