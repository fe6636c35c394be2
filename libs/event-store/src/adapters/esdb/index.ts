export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store';
export { DEFAULT_STREAM_PREFIXES, ForeignEsdbEventError } from './esdb-event-mapping';
