import type { EventEnvelope } from '../envelope';

/** Maps the data of one schema version to the data of the next. */
export type Upcaster = (data: unknown, envelope: EventEnvelope) => unknown;

export interface UpcasterRegistry {
  register(type: string, fromVersion: number, upcaster: Upcaster): UpcasterRegistry;
  /** Returns a new envelope at the newest known version; the input, like the stored bytes, is left as it is. */
  upcast(envelope: EventEnvelope): EventEnvelope;
}

export const createUpcasterRegistry = (): UpcasterRegistry => {
  const upcasters = new Map<string, Upcaster>();
  const key = (type: string, version: number): string => `${type}@${version}`;

  const registry: UpcasterRegistry = {
    register(type, fromVersion, upcaster) {
      if (!Number.isInteger(fromVersion) || fromVersion < 1) {
        throw new Error(`fromVersion must be a positive integer, got ${fromVersion}`);
      }
      if (upcasters.has(key(type, fromVersion))) {
        throw new Error(`an upcaster for ${type} v${fromVersion} is already registered`);
      }
      upcasters.set(key(type, fromVersion), upcaster);
      return registry;
    },
    upcast(envelope) {
      let current = envelope;
      let upcaster = upcasters.get(key(current.type, current.schemaVersion));
      while (upcaster !== undefined) {
        current = {
          ...current,
          data: upcaster(current.data, current),
          schemaVersion: current.schemaVersion + 1,
        };
        upcaster = upcasters.get(key(current.type, current.schemaVersion));
      }
      return current;
    },
  };
  return registry;
};
