import { randomBytes } from 'node:crypto';
import { type Opened, type OpenFactory, useOpened } from '@crm/test-support';
import type { CollectionSpec, JsonObject, ReadStore, StoredJson, WriteOperation } from '../read-store';

export type OpenedReadStore = Opened<ReadStore>;

export type ReadStoreFactory = OpenFactory<ReadStore>;

/** Opens one store for the enclosing describe block; the server may be shared, so names are always fresh. */
export const useStore = (factory: ReadStoreFactory): (() => ReadStore) => useOpened(factory);

export function uniqueName(label: string): string {
  return `contract_${label}_${randomBytes(6).toString('hex')}`;
}

export function upsert(id: string, version: number, body: JsonObject): WriteOperation {
  return { kind: 'upsert', document: { id, version, body } };
}

export function remove(id: string, version: number): WriteOperation {
  return { kind: 'delete', id, version };
}

/** A fresh collection with the fields the query contract filters and sorts on. */
export function customerSpec(label: string): CollectionSpec {
  return {
    name: uniqueName(label),
    fields: [
      { path: 'tier', type: 'string' },
      { path: 'score', type: 'number' },
      { path: 'active', type: 'boolean' },
      { path: 'code', type: 'string' },
      { path: 'profile.email', type: 'string' },
    ],
  };
}

/** The body of a `getJson` answer, decoded and parsed; undefined when there was none. */
export const parsedJson = (stored: StoredJson | undefined): unknown =>
  stored === undefined ? undefined : JSON.parse(stored.json.toString('utf8'));
