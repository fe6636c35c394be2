import { project } from '../testing/envelope';
import { auditedLog } from './audit-trail.fixtures';
import { auditTrail } from './definition';

describe('audit-trail projection', () => {
  describe('given a customer event recorded by a user', () => {
    it('then its entry says who, what, when, why, how and whose, unlinked until the runner links it', () => {
      const [registered] = auditedLog();
      const entry = auditTrail.evolve(auditTrail.initial('0000000000000001'), registered);
      expect(entry).toEqual({
        entryId: '0000000000000001',
        eventId: registered.id,
        type: 'CustomerRegistered',
        schemaVersion: 1,
        streamId: 'customer-c1',
        revision: 0,
        position: 1,
        occurredAt: '2024-01-01T09:00:00Z',
        recordedAt: '2024-01-01T09:00:01Z',
        actorId: 'u-7',
        actorKind: 'user',
        actorRoles: ['sales', 'admin'],
        tenantId: null,
        commandId: 'cmd-1',
        reason: null,
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        source: 'api',
        customerId: 'c1',
        opportunityId: null,
        previousHash: null,
        hash: null,
      });
    });
  });

  describe('given events carrying personal data and free text', () => {
    it('then no entry holds any of it', () => {
      const docs = Object.values(project(auditTrail, auditedLog()));
      const text = JSON.stringify(docs);
      for (const secret of ['Ayşe', 'ayse@example.com', 'Fleet renewal', 'price is too high']) {
        expect(text).not.toContain(secret);
      }
    });

    it('then the operator reason from the metadata is kept', () => {
      const docs = project(auditTrail, auditedLog());
      expect(docs['0000000000000005'].reason).toBe('KVKK-2024-17');
    });
  });

  describe('given opportunity events', () => {
    it('then the opening names the customer from its data and every entry names the opportunity', () => {
      const docs = project(auditTrail, auditedLog());
      expect(docs['0000000000000003']).toMatchObject({ customerId: 'c2', opportunityId: 'o1' });
      expect(docs['0000000000000004']).toMatchObject({ customerId: null, opportunityId: 'o1' });
    });
  });

  describe('documentId', () => {
    it('then ids are zero-padded positions that sort as strings in log order', () => {
      const [event] = auditedLog();
      const ids = [100, 9, 10, 1].map((position) => auditTrail.documentId({ ...event, position }) as string);
      expect(ids[0]).toBe('0000000000000100');
      expect([...ids].sort()).toEqual([1, 9, 10, 100].map((p) => String(p).padStart(16, '0')));
    });

    it('then every domain event type is handled', () => {
      expect(auditTrail.handles).toEqual(expect.arrayContaining(['CustomerRegistered', 'OpportunityWon']));
    });
  });

  describe('given the runner links entries in global order', () => {
    it('then evolve + link gives the same chain as chainEntries, and it verifies', () => {
      const events = auditedLog();
      let lastHash = auditTrail.genesisHash;
      const saved = events.map((event) => {
        const id = auditTrail.documentId(event) as string;
        const linked = auditTrail.link(auditTrail.evolve(auditTrail.initial(id), event), lastHash);
        lastHash = linked.hash as string;
        return linked;
      });
      expect(saved).toEqual(auditTrail.chainEntries(auditTrail.genesisHash, events));
      expect(auditTrail.verifyChain(saved)).toEqual({ ok: true, verified: 5, lastHash });
    });

    it('then a redelivered event leaves its linked entry as it is', () => {
      const [first] = auditedLog();
      const linked = auditTrail.chainEntry(auditTrail.genesisHash, first);
      expect(auditTrail.evolve(linked, first)).toBe(linked);
    });

    it('then entries are plain JSON', () => {
      const entries = auditTrail.chainEntries(auditTrail.genesisHash, auditedLog());
      expect(JSON.parse(JSON.stringify(entries))).toEqual(entries);
    });
  });
});
