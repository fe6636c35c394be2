import { randomUUID } from 'node:crypto';
import { type OpenFactory, useOpened } from '@crm/test-support';
import type { KeyStore, WrappedDataKey } from '../key-store';

export type KeyStoreFactory = OpenFactory<KeyStore>;

const subject = (): string => `c-${randomUUID()}`;

const key = (subjectId: string, overrides: Partial<WrappedDataKey> = {}): WrappedDataKey => ({
  subjectId,
  masterKeyId: 'mk-a',
  wrapped: `wrapped-${randomUUID()}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

/**
 * What every KeyStore adapter must do, written only against the port. Fresh subject ids per test, so it
 * can run against a shared server.
 */
export function describeKeyStoreContract(adapterName: string, factory: KeyStoreFactory): void {
  describe(`KeyStore contract: ${adapterName}`, () => {
    const store = useOpened(factory);

    it('finds nothing for a subject that never had a key', async () => {
      expect(await store().find(subject())).toBeUndefined();
    });

    it('stores a created key and finds it again', async () => {
      const created = key(subject());

      expect(await store().create(created)).toEqual({ state: 'active', ...created });
      expect(await store().find(created.subjectId)).toEqual({ state: 'active', ...created });
    });

    it('lets the first of two creators win, so concurrent appends agree on one key', async () => {
      const id = subject();
      const [a, b] = await Promise.all([store().create(key(id)), store().create(key(id))]);

      expect(a).toEqual(b);
      expect(await store().find(id)).toEqual(a);
    });

    it('replaces a destroyed key by a tombstone that keeps the first destruction time', async () => {
      const created = key(subject());
      await store().create(created);

      await store().destroy(created.subjectId, '2026-02-01T00:00:00.000Z');
      await store().destroy(created.subjectId, '2026-03-01T00:00:00.000Z');

      expect(await store().find(created.subjectId)).toEqual({
        state: 'destroyed',
        subjectId: created.subjectId,
        destroyedAt: '2026-02-01T00:00:00.000Z',
      });
    });

    it('never issues a key again for a destroyed subject, even one that never had a key', async () => {
      const id = subject();
      await store().destroy(id, '2026-02-01T00:00:00.000Z');

      expect(await store().create(key(id))).toEqual({
        state: 'destroyed',
        subjectId: id,
        destroyedAt: '2026-02-01T00:00:00.000Z',
      });
    });

    it('rewraps a live key only from the master key it is wrapped by', async () => {
      const created = key(subject());
      await store().create(created);
      const rewrapped = { ...created, masterKeyId: 'mk-b', wrapped: 'wrapped-under-b' };

      expect(await store().rewrap(rewrapped, 'mk-other')).toBe(false);
      expect(await store().rewrap(rewrapped, 'mk-a')).toBe(true);
      expect(await store().find(created.subjectId)).toEqual({ state: 'active', ...rewrapped });
    });

    it('does not rewrap a destroyed key back to life', async () => {
      const created = key(subject());
      await store().create(created);
      await store().destroy(created.subjectId, '2026-02-01T00:00:00.000Z');

      expect(await store().rewrap({ ...created, masterKeyId: 'mk-b' }, 'mk-a')).toBe(false);
      expect((await store().find(created.subjectId))?.state).toBe('destroyed');
    });

    it('lists live keys in subject order, page by page, without tombstones', async () => {
      const prefix = `p-${randomUUID()}`;
      const ids = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
      for (const id of ids) await store().create(key(id));
      await store().destroy(ids[1], '2026-02-01T00:00:00.000Z');

      const first = await store().listActive(prefix, 1);
      const rest = await store().listActive(first[0].subjectId, 10);

      expect(first.map((k) => k.subjectId)).toEqual([ids[0]]);
      expect(rest.map((k) => k.subjectId).filter((id) => id.startsWith(prefix))).toEqual([ids[2]]);
    });
  });
}
