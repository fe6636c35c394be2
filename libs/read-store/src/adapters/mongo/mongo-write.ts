import type { AnyBulkWriteOperation } from 'mongodb';
import type { WriteOperation } from '../../read-store';
import type { MongoDocument } from './mongo-document';

export const DUPLICATE_KEY = 11000;

/**
 * An unordered bulk write may apply operations in any order and in parallel. Keeping only the operation the
 * fence would let win for each id (the highest version, the first of equals) makes the batch's effect
 * independent of that order and keeps two upserts of one id from racing each other.
 */
export function winningOperations(operations: readonly WriteOperation[]): WriteOperation[] {
  const winners = new Map<string, WriteOperation>();
  for (const operation of operations) {
    const current = winners.get(idOf(operation));
    if (current === undefined || versionOf(operation) > versionOf(current)) {
      winners.set(idOf(operation), operation);
    }
  }
  return [...winners.values()];
}

/**
 * Matches only a stored version lower than the operation's. With `upsert`, a missing document is inserted;
 * when the document exists with an equal or higher version the insert fails with a duplicate key on `_id`,
 * which means "fenced".
 */
export function fencedUpdate(
  operation: WriteOperation,
  upsert: boolean,
): AnyBulkWriteOperation<MongoDocument> {
  const id = idOf(operation);
  const version = versionOf(operation);
  const update =
    operation.kind === 'upsert'
      ? { $set: { version, deleted: false, body: operation.document.body } }
      : { $set: { version, deleted: true }, $unset: { body: '' as const } };
  return { updateOne: { filter: { _id: id, version: { $lt: version } }, update, upsert } };
}

function idOf(operation: WriteOperation): string {
  return operation.kind === 'upsert' ? operation.document.id : operation.id;
}

function versionOf(operation: WriteOperation): number {
  return operation.kind === 'upsert' ? operation.document.version : operation.version;
}
