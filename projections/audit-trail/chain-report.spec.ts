import type { AuditEntry } from './audit-entry';
import { auditedLog } from './audit-trail.fixtures';
import { reportChain } from './chain-report';
import { chainEntries, GENESIS_HASH, hashAuditEntry } from './hash-chain';

const chain = (): AuditEntry[] => chainEntries(GENESIS_HASH, auditedLog());

describe('the audit chain report', () => {
  it('given an untouched chain, then it reports how many entries verified and the last hash', () => {
    const entries = chain();

    expect(reportChain(entries, GENESIS_HASH)).toEqual({
      ok: true,
      verified: 5,
      lastHash: entries[4].hash,
      lastPosition: entries[4].position,
    });
  });

  it('given pages checked one after the other, then the second page continues from the first', () => {
    const entries = chain();
    const first = reportChain(entries.slice(0, 2), GENESIS_HASH);
    if (!first.ok) throw new Error('first page must verify');

    expect(reportChain(entries.slice(2), first.lastHash, first.lastPosition)).toMatchObject({
      ok: true,
      verified: 3,
    });
  });

  it('when an entry was edited, then it names its position with the recomputed and the stored hash', () => {
    const entries = chain();
    entries[3] = { ...entries[3], actorId: 'someone-else' };

    expect(reportChain(entries, GENESIS_HASH)).toEqual({
      ok: false,
      verified: 3,
      firstBroken: {
        position: entries[3].position,
        entryId: entries[3].entryId,
        problem: 'hash-mismatch',
        expected: hashAuditEntry(entries[3]),
        found: entries[3].hash,
      },
    });
  });

  it('when an entry was deleted, then the next one is a broken link, expected vs found previous hash', () => {
    const entries = chain();
    entries.splice(2, 1);

    expect(reportChain(entries, GENESIS_HASH)).toMatchObject({
      ok: false,
      verified: 2,
      firstBroken: { problem: 'broken-link', expected: entries[1].hash, found: chain()[2].hash },
    });
  });

  it('when a page starts at or before the previous page ended, then it is out of order', () => {
    const entries = chain();
    const report = reportChain(entries.slice(1), entries[0].hash as string, entries[1].position);

    expect(report).toMatchObject({ ok: false, verified: 0, firstBroken: { problem: 'out-of-order' } });
  });
});
