import type { EventEnvelope } from '../envelope';

/** Maps the data of one schema version to the data of the next. */
export type Upcaster = (data: unknown, envelope: EventEnvelope) => unknown;

export interface UpcasterRegistry {
  register(type: string, fromVersion: number, upcaster: Upcaster): UpcasterRegistry;
  /**
   * Returns a new envelope at the newest known version; the input, like the stored bytes, is left as it is.
   * An envelope already at the newest version is returned as it is, so upcasting twice changes nothing.
   */
  upcast(envelope: EventEnvelope): EventEnvelope;
}

export const createUpcasterRegistry = (): UpcasterRegistry => {
  // By type, then by the version each upcaster reads: the projection runtime asks for every event it hands
  // to a projection, so the common answer, "none for this type", costs one lookup and no string building.
  const upcasters = new Map<string, Map<number, Upcaster>>();

  const registry: UpcasterRegistry = {
    register(type, fromVersion, upcaster) {
      if (!Number.isInteger(fromVersion) || fromVersion < 1) {
        throw new Error(`fromVersion must be a positive integer, got ${fromVersion}`);
      }
      const ofType = upcasters.get(type) ?? new Map<number, Upcaster>();
      if (ofType.has(fromVersion)) {
        throw new Error(`an upcaster for ${type} v${fromVersion} is already registered`);
      }
      upcasters.set(type, ofType.set(fromVersion, upcaster));
      return registry;
    },
    upcast(envelope) {
      const ofType = upcasters.get(envelope.type);
      if (ofType === undefined) return envelope;
      let current = envelope;
      let upcaster = ofType.get(current.schemaVersion);
      while (upcaster !== undefined) {
        current = {
          ...current,
          data: upcaster(current.data, current),
          schemaVersion: current.schemaVersion + 1,
        };
        upcaster = ofType.get(current.schemaVersion);
      }
      return current;
    },
  };
  return registry;
};
