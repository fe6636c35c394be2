import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@crm/domain';
import { auditEntryOf, type AuditEntry } from './audit-entry';
import { canonicalJson } from './canonical-json';

/** The `previousHash` of the very first entry (position order) of the log. */
export const GENESIS_HASH = '0'.repeat(64);

/** sha256 (hex) of the canonical JSON of every field but `hash`, `previousHash` included. */
export const hashAuditEntry = (entry: AuditEntry): string => {
  const { hash: _hash, ...hashed } = entry;
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
};

/** Links an entry after the entry whose hash is `previousHash`. Pure; the input is left as it is. */
export const linkAuditEntry = (entry: AuditEntry, previousHash: string): AuditEntry => {
  const linked: AuditEntry = { ...entry, previousHash, hash: null };
  return { ...linked, hash: hashAuditEntry(linked) };
};

/** `link(auditEntryOf(event), previousHash)`: the linked entry for the next event of the log. */
export const chainEntry = (previousHash: string, event: EventEnvelope): AuditEntry =>
  linkAuditEntry(auditEntryOf(event), previousHash);

/** Links a batch of events already in global position order, starting after `previousHash`. */
export const chainEntries = (previousHash: string, events: readonly EventEnvelope[]): AuditEntry[] => {
  const entries: AuditEntry[] = [];
  let last = previousHash;
  for (const event of events) {
    const entry = chainEntry(last, event);
    entries.push(entry);
    last = entry.hash as string;
  }
  return entries;
};

export type ChainProblem = 'unlinked' | 'hash-mismatch' | 'broken-link' | 'out-of-order';

export type ChainVerification =
  | { readonly ok: true; readonly verified: number; readonly lastHash: string }
  | {
      readonly ok: false;
      /** Index in the given array of the first entry that fails; entries before it verified. */
      readonly index: number;
      readonly entryId: string;
      readonly problem: ChainProblem;
    };

/**
 * Recomputes the chain over entries in position order (as their ids sort) and returns the first
 * broken link. `previousHash` is what the first entry must point at: GENESIS_HASH for the whole log,
 * or the verified hash of the entry just before when checking a range.
 * - `unlinked`: the entry was never linked (hash or previousHash null);
 * - `hash-mismatch`: a field was altered after linking (recomputed hash differs);
 * - `broken-link`: the entry does not point at the one before it (deletion, insertion, reordering);
 * - `out-of-order`: positions do not increase (a consistently re-hashed reordering).
 */
export const verifyChain = (
  entries: readonly AuditEntry[],
  previousHash: string = GENESIS_HASH,
): ChainVerification => {
  let expected = previousHash;
  let lastPosition = -1;
  for (const [index, entry] of entries.entries()) {
    const fail = (problem: ChainProblem): ChainVerification => ({
      ok: false,
      index,
      entryId: entry.entryId,
      problem,
    });
    if (entry.hash === null || entry.previousHash === null) {
      return fail('unlinked');
    }
    if (hashAuditEntry(entry) !== entry.hash) {
      return fail('hash-mismatch');
    }
    if (entry.previousHash !== expected) {
      return fail('broken-link');
    }
    if (entry.position <= lastPosition) {
      return fail('out-of-order');
    }
    expected = entry.hash;
    lastPosition = entry.position;
  }
  return { ok: true, verified: entries.length, lastHash: expected };
};
