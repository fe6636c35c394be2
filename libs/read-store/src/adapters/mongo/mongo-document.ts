import type { FieldSpec, JsonObject } from '../../read-store';

/** A stored document; a delete keeps `{ _id, version, deleted: true }` so older upserts cannot resurrect it. */
export interface MongoDocument {
  _id: string;
  version: number;
  deleted: boolean;
  body?: JsonObject;
}

export interface CollectionRecord {
  _id: string;
  fields: FieldSpec[];
}

export interface AliasRecord {
  _id: string;
  target: string;
}

export interface CheckpointRecord {
  _id: string;
  position: number;
  updatedAt: string;
}

/** Declared body fields are stored and indexed under `body.`; paths are validated before they get here. */
export function fieldKey(path: string): string {
  return `body.${path}`;
}
