import { InvalidQueryError } from './errors';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

// Both adapters keep their bookkeeping beside the documents under these names.
const RESERVED = new Set(['aliases', 'checkpoints', 'collections']);

/** Collection and alias names become table and collection names, so they are checked, never escaped. */
export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !NAME.test(name) || RESERVED.has(name) || name.startsWith('sqlite_')) {
    throw new InvalidQueryError(`Invalid read-store collection or alias name: ${JSON.stringify(name)}`);
  }
}

/** Declared paths end up inside index definitions, which cannot take bound parameters. */
export function assertFieldPath(path: unknown): asserts path is string {
  if (typeof path !== 'string' || !FIELD_PATH.test(path) || path.length > 200) {
    throw new InvalidQueryError(`Invalid read-store field path: ${JSON.stringify(path)}`);
  }
}

export function assertDocumentId(id: unknown): asserts id is string {
  assertKey(id, 'A document id');
}

export function assertCheckpointName(name: unknown): asserts name is string {
  assertKey(name, 'A checkpoint name');
}

function assertKey(key: unknown, what: string): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new InvalidQueryError(`${what} must be a non-empty string, got ${JSON.stringify(key)}`);
  }
}
