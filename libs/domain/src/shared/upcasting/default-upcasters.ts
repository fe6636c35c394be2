import type { EventEnvelope } from '../envelope';
import { purchasedV1ToV2 } from './purchased-v1-to-v2';
import { createUpcasterRegistry, type UpcasterRegistry } from './upcaster-registry';

export const createDefaultUpcasters = (): UpcasterRegistry =>
  createUpcasterRegistry().register('Purchased', 1, purchasedV1ToV2);

export const defaultUpcasters: UpcasterRegistry = createDefaultUpcasters();

/** Reads a stored event at its current schema version using this domain's upcasters. */
export const upcast = (envelope: EventEnvelope): EventEnvelope => defaultUpcasters.upcast(envelope);
