import type { AuditEntry } from './audit-entry';
import { type ChainProblem, hashAuditEntry, verifyChain } from './hash-chain';

/** The first link of the chain that does not hold, with what it should say and what it says. */
export interface BrokenLink {
  readonly position: number;
  readonly entryId: string;
  readonly problem: ChainProblem;
  readonly expected: string;
  readonly found: string | null;
}

/** How far a stretch of the chain verified, and where it broke if it did. */
export type ChainReport =
  | { readonly ok: true; readonly verified: number; readonly lastHash: string; readonly lastPosition: number }
  | { readonly ok: false; readonly verified: number; readonly firstBroken: BrokenLink };

/**
 * `verifyChain` over one stretch that follows `previousHash` (and `previousPosition`), turned into a
 * report an auditor can act on: the position of the first broken entry, the value expected and the value
 * found. Pages of the trail are checked one after the other by passing each report's last hash on.
 */
export const reportChain = (
  entries: readonly AuditEntry[],
  previousHash: string,
  previousPosition = -1,
): ChainReport => {
  const outcome = verifyChain(entries, previousHash);
  const outOfOrderAtStart = entries.length > 0 && outcome.ok && entries[0].position <= previousPosition;
  if (outcome.ok && !outOfOrderAtStart) {
    const last = entries.at(-1);
    return {
      ok: true,
      verified: entries.length,
      lastHash: outcome.lastHash,
      lastPosition: last?.position ?? previousPosition,
    };
  }
  const index = outcome.ok ? 0 : outcome.index;
  const problem: ChainProblem = outcome.ok ? 'out-of-order' : outcome.problem;
  const entry = entries[index];
  const before = index === 0 ? { hash: previousHash, position: previousPosition } : entries[index - 1];
  return { ok: false, verified: index, firstBroken: brokenLink(entry, problem, before) };
};

const brokenLink = (
  entry: AuditEntry,
  problem: ChainProblem,
  before: { readonly hash: string | null; readonly position: number },
): BrokenLink => {
  const at = { position: entry.position, entryId: entry.entryId, problem };
  switch (problem) {
    case 'unlinked':
      return { ...at, expected: 'a linked entry (hash and previousHash set)', found: entry.hash };
    case 'hash-mismatch':
      return { ...at, expected: hashAuditEntry(entry), found: entry.hash };
    case 'broken-link':
      return { ...at, expected: before.hash ?? '', found: entry.previousHash };
    case 'out-of-order':
      return { ...at, expected: `a position after ${before.position}`, found: String(entry.position) };
  }
};
