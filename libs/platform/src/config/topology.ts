import type { CrmMode } from '../crm-mode';

export type EventStoreKind = 'sqlite' | 'esdb';
export type EventBusKind = 'embedded' | 'kafka';
export type ReadStoreKind = 'sqlite' | 'mongo';
export type KeyStoreKind = 'sqlite' | 'mongo';

/** Which adapter serves each port (DESIGN §2). `CRM_MODE` picks a preset; each port's setting overrides it. */
export interface Topology {
  readonly eventStore: EventStoreKind;
  readonly eventBus: EventBusKind;
  readonly readStore: ReadStoreKind;
  readonly keyStore: KeyStoreKind;
}

export const EVENT_STORE_KINDS: readonly EventStoreKind[] = ['sqlite', 'esdb'];
export const EVENT_BUS_KINDS: readonly EventBusKind[] = ['embedded', 'kafka'];
export const READ_STORE_KINDS: readonly ReadStoreKind[] = ['sqlite', 'mongo'];
export const KEY_STORE_KINDS: readonly KeyStoreKind[] = ['sqlite', 'mongo'];

export const PRESETS: Readonly<Record<CrmMode, Topology>> = {
  embedded: { eventStore: 'sqlite', eventBus: 'embedded', readStore: 'sqlite', keyStore: 'sqlite' },
  distributed: { eventStore: 'esdb', eventBus: 'kafka', readStore: 'mongo', keyStore: 'mongo' },
};

/** The settings a topology is read from, as they come from the environment (unvalidated text). */
export interface TopologySettings {
  readonly CRM_MODE?: string;
  readonly EVENT_STORE?: string;
  readonly EVENT_BUS?: string;
  readonly READ_STORE?: string;
  readonly KEY_STORE?: string;
}

const pick = <T extends string>(kinds: readonly T[], value: string | undefined, preset: T): T =>
  value === undefined ? preset : (kinds.find((kind) => kind === value) ?? preset);

/**
 * The adapters this process opens. Values outside a port's kinds fall back to the preset here: validation
 * (`StoreEnvironment`) refuses them at start-up before anything is opened, naming the setting.
 */
export function resolveTopology(settings: TopologySettings): Topology {
  const preset = PRESETS[settings.CRM_MODE === 'distributed' ? 'distributed' : 'embedded'];
  return {
    eventStore: pick(EVENT_STORE_KINDS, settings.EVENT_STORE, preset.eventStore),
    eventBus: pick(EVENT_BUS_KINDS, settings.EVENT_BUS, preset.eventBus),
    readStore: pick(READ_STORE_KINDS, settings.READ_STORE, preset.readStore),
    keyStore: pick(KEY_STORE_KINDS, settings.KEY_STORE, preset.keyStore),
  };
}

/** The process a topology is checked for: the API runs projections itself only on the embedded bus. */
export type CrmApp = 'api' | 'relay' | 'projector' | 'cli';

export interface TopologyProblem {
  /** The settings whose combination cannot work; start-up names them. */
  readonly settings: readonly string[];
  readonly message: string;
}

/**
 * Combinations that cannot work, whatever the hosts (docs/operations.md "Topologies"):
 * - On Kafka, a projection's partitions are spread over the members of its consumer group, each member
 *   possibly on another host, so they must all write one shared read store, and the API must read it.
 * - Personal-data keys must be at least as shared as the events they open: keys in one host's SQLite file
 *   under a replicated EventStoreDB log would leave every other API and projector unable to read personal
 *   data, and the loss of that disk would shred every customer at once.
 */
export function topologyProblems(app: CrmApp, topology: Topology): TopologyProblem[] {
  const problems: TopologyProblem[] = [];
  if (
    topology.eventBus === 'kafka' &&
    topology.readStore === 'sqlite' &&
    (app === 'api' || app === 'projector')
  )
    problems.push({
      settings: ['EVENT_BUS', 'READ_STORE'],
      message:
        'EVENT_BUS=kafka spreads each projection over the members of a consumer group, which must all write ' +
        'one shared read store: set READ_STORE=mongo (or EVENT_BUS=embedded to project inside the API)',
    });
  if (topology.keyStore === 'sqlite' && topology.eventStore === 'esdb')
    problems.push({
      settings: ['KEY_STORE', 'EVENT_STORE'],
      message:
        'KEY_STORE=sqlite keeps personal-data keys on one host while EVENT_STORE=esdb shares the log between ' +
        'hosts: set KEY_STORE=mongo',
    });
  return problems;
}

/** For start-up logs: `event store sqlite, bus kafka, read store mongo, key store mongo`. */
export const describeTopology = (topology: Topology): string =>
  `event store ${topology.eventStore}, bus ${topology.eventBus}, read store ${topology.readStore}, key store ${topology.keyStore}`;
