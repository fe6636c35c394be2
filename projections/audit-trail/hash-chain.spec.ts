import type { AuditEntry } from './audit-entry';
import { auditedLog } from './audit-trail.fixtures';
import { canonicalJson } from './canonical-json';
import { chainEntries, GENESIS_HASH, hashAuditEntry, linkAuditEntry, verifyChain } from './hash-chain';

const chain = (): AuditEntry[] => chainEntries(GENESIS_HASH, auditedLog());

const tamper = (value: unknown): unknown => {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'string') return `${value}x`;
  if (Array.isArray(value)) return [...value, 'x'];
  return 'x';
};

describe('audit hash chain', () => {
  describe('canonical JSON', () => {
    it('then keys are sorted at every depth, so key order never changes the hash', () => {
      expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: true }], c: 'x' } })).toBe(
        '{"a":{"c":"x","d":[2,{"e":true,"f":null}]},"b":1}',
      );
      const [entry] = chain();
      const reversed = Object.fromEntries(Object.entries(entry).reverse()) as AuditEntry;
      expect(hashAuditEntry(reversed)).toBe(entry.hash);
    });

    it('then anything that is not plain JSON is refused', () => {
      expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
      expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    });
  });

  describe('given an untouched chain of five entries', () => {
    it('then each entry points at the one before and the chain verifies', () => {
      const entries = chain();
      expect(entries[0].previousHash).toBe(GENESIS_HASH);
      entries.slice(1).forEach((entry, i) => expect(entry.previousHash).toBe(entries[i].hash));
      expect(entries.every((entry) => /^[0-9a-f]{64}$/.test(entry.hash as string))).toBe(true);
      expect(verifyChain(entries)).toMatchObject({ ok: true, verified: 5, lastHash: entries[4].hash });
    });

    it('then a range verifies from the hash of the entry before it', () => {
      const entries = chain();
      expect(verifyChain(entries.slice(2), entries[1].hash as string)).toMatchObject({
        ok: true,
        verified: 3,
      });
      expect(verifyChain(entries.slice(2))).toMatchObject({ ok: false, index: 0, problem: 'broken-link' });
    });
  });

  describe('when any field of one entry is altered', () => {
    it.each(Object.keys(chain()[2]))('then altering %s is detected at that entry', (field) => {
      const entries = chain();
      entries[2] = { ...entries[2], [field]: tamper(entries[2][field]) };
      expect(verifyChain(entries)).toEqual({
        ok: false,
        index: 2,
        entryId: entries[2].entryId,
        problem: 'hash-mismatch',
      });
    });

    it('then re-hashing the altered entry breaks the link of the next one', () => {
      const entries = chain();
      entries[2] = linkAuditEntry(
        { ...entries[2], actorId: 'someone-else' },
        entries[2].previousHash as string,
      );
      expect(verifyChain(entries)).toMatchObject({ ok: false, index: 3, problem: 'broken-link' });
    });
  });

  describe('when an entry is deleted', () => {
    it('then the entry after the gap is reported', () => {
      const entries = chain();
      entries.splice(2, 1);
      expect(verifyChain(entries)).toMatchObject({ ok: false, index: 2, problem: 'broken-link' });
    });

    it('then deleting the first entry is reported at index 0', () => {
      expect(verifyChain(chain().slice(1))).toMatchObject({ ok: false, index: 0, problem: 'broken-link' });
    });

    it('then deleting the last entry changes the last hash to compare with a published anchor', () => {
      const entries = chain();
      const truncated = verifyChain(entries.slice(0, 4));
      expect(truncated).toMatchObject({ ok: true, verified: 4 });
      expect(truncated.ok && truncated.lastHash).not.toBe(entries[4].hash);
    });
  });

  describe('when entries are reordered', () => {
    it('then the first entry out of place is reported', () => {
      const entries = chain();
      [entries[1], entries[2]] = [entries[2], entries[1]];
      expect(verifyChain(entries)).toMatchObject({
        ok: false,
        index: 1,
        entryId: '0000000000000003',
        problem: 'broken-link',
      });
    });

    it('then even a consistently re-hashed reordering is caught by the positions', () => {
      const entries = chain();
      [entries[1], entries[2]] = [entries[2], entries[1]];
      let last = GENESIS_HASH;
      const relinked = entries.map((entry) => {
        const linked = linkAuditEntry(entry, last);
        last = linked.hash as string;
        return linked;
      });
      expect(verifyChain(relinked)).toMatchObject({ ok: false, index: 2, problem: 'out-of-order' });
    });
  });

  describe('when an entry was never linked', () => {
    it('then it is reported as unlinked', () => {
      const entries = chain();
      entries[3] = { ...entries[3], previousHash: null, hash: null };
      expect(verifyChain(entries)).toMatchObject({ ok: false, index: 3, problem: 'unlinked' });
    });
  });
});
