import { InvalidQueryError, UnknownCollectionError } from '../errors';
import {
  customerSpec,
  parsedJson,
  type ReadStoreFactory,
  uniqueName,
  upsert,
  useStore,
} from './contract-fixtures';

export function describeAliasesContract(factory: ReadStoreFactory): void {
  describe('aliases, checkpoints and dropping', () => {
    const store = useStore(factory);

    it('reads and writes through an alias reach its target; re-pointing switches them', async () => {
      const v1 = customerSpec('v1');
      const v2 = customerSpec('v2');
      const alias = uniqueName('alias');
      await store().ensureCollection(v1);
      await store().ensureCollection(v2);
      await store().bulkWrite(v1.name, [upsert('c-1', 1, { tier: 'gold' })]);
      await store().bulkWrite(v2.name, [upsert('c-1', 1, { tier: 'silver' })]);

      expect(await store().resolveAlias(alias)).toBeUndefined();
      await store().setAlias(alias, v1.name);
      expect(await store().resolveAlias(alias)).toBe(v1.name);
      expect((await store().get(alias, 'c-1'))?.body).toEqual({ tier: 'gold' });
      expect(parsedJson(await store().getJson(alias, 'c-1'))).toEqual({ tier: 'gold' });

      await store().setAlias(alias, v2.name);
      expect(await store().resolveAlias(alias)).toBe(v2.name);
      expect((await store().get(alias, 'c-1'))?.body).toEqual({ tier: 'silver' });
      expect(parsedJson(await store().getJson(alias, 'c-1'))).toEqual({ tier: 'silver' });
      expect(await store().count(alias, [{ field: 'tier', op: 'eq', value: 'silver' }])).toBe(1);
      await store().bulkWrite(alias, [upsert('c-2', 1, { tier: 'bronze' })]);
      expect(await store().get(v2.name, 'c-2')).toBeDefined();
      expect(await store().get(v1.name, 'c-2')).toBeUndefined();
    });

    it('processes starting together may declare one collection and point one alias at once', async () => {
      const spec = customerSpec('racing');
      const alias = uniqueName('racingalias');
      const declaring = Array.from({ length: 12 }, () => store().ensureCollection(spec));
      await expect(Promise.all(declaring)).resolves.toHaveLength(12);
      const pointing = Array.from({ length: 12 }, () => store().setAlias(alias, spec.name));
      await expect(Promise.all(pointing)).resolves.toHaveLength(12);
      expect(await store().resolveAlias(alias)).toBe(spec.name);
    });

    it('readers racing a swap see the old or the new target, never neither', async () => {
      const [a, b] = [customerSpec('swap_a'), customerSpec('swap_b')];
      const alias = uniqueName('swap');
      for (const spec of [a, b]) {
        await store().ensureCollection(spec);
        await store().bulkWrite(spec.name, [upsert('c-1', 1, { tier: spec.name })]);
      }
      await store().setAlias(alias, a.name);
      const reads = Array.from({ length: 40 }, () => store().get(alias, 'c-1'));
      const swaps = Array.from({ length: 10 }, (_, i) => store().setAlias(alias, i % 2 ? a.name : b.name));
      const [seen] = await Promise.all([Promise.all(reads), Promise.all(swaps)]);
      for (const document of seen) expect([a.name, b.name]).toContain(document?.body.tier);
    });

    it('refuses an alias to a missing collection and invalid names', async () => {
      await expect(store().setAlias(uniqueName('alias'), uniqueName('none'))).rejects.toBeInstanceOf(
        UnknownCollectionError,
      );
      const spec = customerSpec('named');
      await store().ensureCollection(spec);
      await expect(store().setAlias('Bad-Name', spec.name)).rejects.toBeInstanceOf(InvalidQueryError);
      await expect(store().ensureCollection({ name: 'aliases', fields: [] })).rejects.toBeInstanceOf(
        InvalidQueryError,
      );
      await expect(
        store().ensureCollection({ name: uniqueName('paths'), fields: [{ path: "a') --", type: 'string' }] }),
      ).rejects.toBeInstanceOf(InvalidQueryError);
    });

    it('drops a collection: it is unknown afterwards and empty when ensured again', async () => {
      const spec = customerSpec('drop');
      await store().ensureCollection(spec);
      await store().bulkWrite(spec.name, [upsert('c-1', 1, { tier: 'gold' })]);
      await store().dropCollection(spec.name);
      await expect(store().get(spec.name, 'c-1')).rejects.toBeInstanceOf(UnknownCollectionError);
      await store().ensureCollection(spec);
      expect(await store().count(spec.name)).toBe(0);
      await store().dropCollection(spec.name);
      await expect(store().dropCollection(spec.name)).resolves.toBeUndefined();
    });

    it('round-trips checkpoints and moves them forward', async () => {
      const name = uniqueName('checkpoint');
      expect(await store().getCheckpoint(name)).toBeUndefined();
      await store().saveCheckpoint(name, { position: 7, updatedAt: '2026-03-01T10:00:00.000Z' });
      expect(await store().getCheckpoint(name)).toEqual({
        position: 7,
        updatedAt: '2026-03-01T10:00:00.000Z',
      });
      await store().saveCheckpoint(name, { position: 42, updatedAt: '2026-03-02T10:00:00.000Z' });
      expect(await store().getCheckpoint(name)).toEqual({
        position: 42,
        updatedAt: '2026-03-02T10:00:00.000Z',
      });
    });

    it('never moves a checkpoint back: a stale writer is ignored, an equal position refreshes the time', async () => {
      const name = uniqueName('checkpoint');
      await store().saveCheckpoint(name, { position: 42, updatedAt: '2026-03-01T10:00:00.000Z' });

      await store().saveCheckpoint(name, { position: 7, updatedAt: '2026-03-02T10:00:00.000Z' });
      expect(await store().getCheckpoint(name)).toEqual({
        position: 42,
        updatedAt: '2026-03-01T10:00:00.000Z',
      });

      await store().saveCheckpoint(name, { position: 42, updatedAt: '2026-03-03T10:00:00.000Z' });
      expect(await store().getCheckpoint(name)).toEqual({
        position: 42,
        updatedAt: '2026-03-03T10:00:00.000Z',
      });
    });

    it('rewinds a checkpoint only when asked to, for a deliberate replay', async () => {
      const name = uniqueName('checkpoint');
      await store().saveCheckpoint(name, { position: 42, updatedAt: '2026-03-01T10:00:00.000Z' });

      await store().rewindCheckpoint(name, { position: 7, updatedAt: '2026-03-02T10:00:00.000Z' });

      expect(await store().getCheckpoint(name)).toEqual({
        position: 7,
        updatedAt: '2026-03-02T10:00:00.000Z',
      });
    });
  });
}
