export { EsdbEventStore, type EsdbClient, type EsdbEventStoreOptions } from './esdb-event-store';
export { DEFAULT_STREAM_PREFIXES, ForeignEsdbEventError } from './esdb-event-mapping';
export { ESDB_CONNECTION_STRING } from './esdb-connection-string';
