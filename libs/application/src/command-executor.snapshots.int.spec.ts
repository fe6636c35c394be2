import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerStream, type CustomerState } from '@crm/domain';
import { customerStateContent } from '@crm/domain/testing/customer-state-content';
import { SqliteEventStore, SqliteSnapshotStore } from '@crm/event-store';
import { type CustomerAggregate, customerAggregate } from './aggregate';
import { CommandExecutor } from './command-executor';
import { NOW, purchase, register, request } from './testing/customer-requests';

const customers = customerAggregate();
const STREAM = customerStream('c-1');
const EVERY = 5;

describe('CommandExecutor with snapshots of long streams', () => {
  let dir: string;
  let events: SqliteEventStore;
  let snapshots: SqliteSnapshotStore;
  let errors: unknown[];
  /** Reads of the stream, by the revision each started from. */
  let readsFrom: number[];

  /** A process that just started: empty state cache, the same files. */
  const restarted = (options: { withSnapshots?: boolean } = {}) =>
    new CommandExecutor(events, {
      clock: () => NOW,
      ...(options.withSnapshots === false
        ? {}
        : { snapshots: { store: snapshots, every: EVERY, onError: (error) => errors.push(error) } }),
    });
  /** The stream's state folded from scratch, and its revision. */
  const truth = () => new CommandExecutor(events, { stateCacheSize: 0 }).load(customers, STREAM);
  /** A loaded state and its revision, in a form that a decoded state and a folded one share. */
  const content = ({ state, revision }: { state: CustomerState; revision: number }) => ({
    state: customerStateContent(state),
    revision,
  });

  /** Registration (revision 0), the first purchase with its stage change (1, 2), then one event per purchase. */
  async function history(executor: CommandExecutor, purchases: number): Promise<void> {
    await executor.execute(customers, request(register(), 'cmd-register'));
    for (let i = 0; i < purchases; i++) {
      await executor.execute(customers, request(purchase(`p-${i}`), `cmd-p-${i}`));
    }
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-executor-snapshots-'));
    events = SqliteEventStore.open({ path: join(dir, 'events.db') });
    snapshots = SqliteSnapshotStore.open({ path: join(dir, 'snapshots.db') });
    errors = [];
    readsFrom = [];
    const readStream = events.readStream.bind(events);
    jest.spyOn(events, 'readStream').mockImplementation((streamId, options) => {
      readsFrom.push(options?.fromRevision ?? 0);
      return readStream(streamId, options);
    });
  });

  afterEach(async () => {
    await events.close();
    await snapshots.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a snapshot each time the stream passes a multiple of `every` events', async () => {
    await history(restarted(), 7);
    // Revisions 0..8: the append that reached revision 4 made 5 events; none has made 10 yet.
    expect((await snapshots.load(STREAM, customers.stateCodec!.version))?.revision).toBe(4);

    await restarted().execute(customers, request(purchase('p-7'), 'cmd-p-7'));

    expect((await snapshots.load(STREAM, customers.stateCodec!.version))?.revision).toBe(9);
    expect(errors).toEqual([]);
  });

  it('after a restart, starts from the snapshot and reads only its event, to check it, and the events after it', async () => {
    await history(restarted(), 7);
    readsFrom = [];
    const executor = restarted();

    const outcome = await executor.execute(customers, request(purchase('p-7'), 'cmd-p-7'));

    expect(readsFrom).toEqual([4]);
    expect(outcome.revision).toBe(9);
    expect(content(await executor.load(customers, STREAM))).toEqual(content(await truth()));
  });

  it('folds the whole stream of a long history written before snapshots, and snapshots it', async () => {
    await history(restarted({ withSnapshots: false }), 12);
    readsFrom = [];

    await restarted().load(customers, STREAM);

    expect(readsFrom).toEqual([0]);
    expect(await snapshots.load(STREAM, customers.stateCodec!.version)).toMatchObject({ revision: 13 });
    readsFrom = [];
    const fromSnapshot = await restarted().load(customers, STREAM);
    expect(readsFrom).toEqual([13]);
    expect(content(fromSnapshot)).toEqual(content(await truth()));
  });

  it('keeps the state as its snapshot holds it once written, and decides on it as on the folded one', async () => {
    const executor = restarted();
    await history(executor, 7);

    const duplicate = executor.execute(customers, request(purchase('p-2'), 'cmd-p-2-again'));
    await expect(duplicate).rejects.toThrow('purchase p-2 is already recorded');
    await executor.execute(customers, request(purchase('p-8'), 'cmd-p-8'));

    expect(content(await executor.load(customers, STREAM))).toEqual(content(await truth()));
    expect(errors).toEqual([]);
  });

  it('never loads a snapshot of another state version: it folds the whole stream again', async () => {
    await history(restarted(), 7);
    const codec = customers.stateCodec!;
    const changed: CustomerAggregate = {
      ...customers,
      stateCodec: { ...codec, version: `${codec.version}+1` },
    };
    readsFrom = [];

    const loaded = await restarted().load(changed, STREAM);

    expect(readsFrom).toEqual([0]);
    expect(content(loaded)).toEqual(content(await truth()));
  });

  it('reports a snapshot it cannot decode and folds the stream instead; the command goes through', async () => {
    await history(restarted(), 7);
    const stored = (await snapshots.load(STREAM, customers.stateCodec!.version))!;
    await snapshots.delete(STREAM);
    await snapshots.save({ ...stored, state: Buffer.from('{not json') });
    readsFrom = [];
    const executor = restarted();

    await executor.execute(customers, request(purchase('p-7'), 'cmd-p-7'));

    expect(errors).toHaveLength(1);
    expect(readsFrom).toEqual([0]);
    expect(content(await executor.load(customers, STREAM))).toEqual(content(await truth()));
  });

  it('does not use a snapshot whose event is not the stream’s at its revision (a log restored from elsewhere)', async () => {
    await history(restarted(), 7);
    const stored = (await snapshots.load(STREAM, customers.stateCodec!.version))!;
    await snapshots.delete(STREAM);
    await snapshots.save({ ...stored, eventId: 'an-event-of-another-log' });
    readsFrom = [];
    const executor = restarted();

    const loaded = await executor.load(customers, STREAM);

    expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining('revision 4') })]);
    expect(readsFrom).toEqual([4, 0]);
    expect(content(loaded)).toEqual(content(await truth()));
  });

  it('writes no snapshot with the state cache off (every command reads its whole stream)', async () => {
    const executor = new CommandExecutor(events, {
      stateCacheSize: 0,
      snapshots: { store: snapshots, every: EVERY, onError: (error) => errors.push(error) },
    });

    await history(executor, 7);

    expect(await snapshots.load(STREAM, customers.stateCodec!.version)).toBeUndefined();
  });
});
