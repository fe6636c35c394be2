import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlreadyExistsError,
  type CustomerCommand,
  type EventEnvelope,
  type NewEvent,
  customerStream,
} from '@crm/domain';
import {
  type EventStore,
  type ExpectedRevision,
  type ReadStreamOptions,
  SqliteEventStore,
} from '@crm/event-store';
import { customerAggregate } from './aggregate';
import { IdempotencyKeyReusedError, RevisionMismatchError } from './command-errors';
import { CommandExecutor } from './command-executor';
import { NOW, purchase, register, request } from './testing/customer-requests';

const customers = customerAggregate();
const STREAM = customerStream('c-1');

/** The SQLite store, noting where each stream read starts (0: the whole stream) and each id lookup. */
class ObservedStore implements EventStore {
  readonly readsFrom: number[] = [];
  lookups = 0;
  failNextAppendAfterWriting = false;
  /** Runs once right before the next append: another replica's command landing after our read. */
  beforeNextAppend?: () => Promise<unknown>;
  readonly readEventById?: (eventId: string) => Promise<EventEnvelope | undefined>;

  constructor(
    private readonly inner: EventStore,
    { withLookup }: { withLookup: boolean },
  ) {
    if (withLookup) this.readEventById = (id) => this.lookUp(id);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    const interleaved = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    await interleaved?.();
    const result = await this.inner.append(streamId, events, expected);
    if (this.failNextAppendAfterWriting) {
      this.failNextAppendAfterWriting = false;
      throw new Error('key store unreachable after the events were stored');
    }
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]> {
    this.readsFrom.push(options?.fromRevision ?? 0);
    return this.inner.readStream(streamId, options);
  }

  takeReads(): number[] {
    return this.readsFrom.splice(0);
  }

  private async lookUp(id: string): Promise<EventEnvelope | undefined> {
    this.lookups++;
    return this.inner.readEventById?.(id);
  }

  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribeToAll: EventStore['subscribeToAll'] = (options) => this.inner.subscribeToAll(options);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}

describe('CommandExecutor with the stream state cache (ADR 0014)', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let store: ObservedStore;
  let executor: CommandExecutor;
  /** What the stream's state is, folded from scratch. */
  const truth = () => new CommandExecutor(sqlite, { stateCacheSize: 0 }).load(customers, STREAM);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-executor-cache-'));
    sqlite = SqliteEventStore.open({ path: join(dir, 'events.db') });
    store = new ObservedStore(sqlite, { withLookup: true });
    executor = new CommandExecutor(store, { clock: () => NOW });
  });

  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('decides on the state it holds for the stream, reading nothing and looking nothing up', async () => {
    await executor.execute(customers, request(register(), 'cmd-1'));
    const bought = await executor.execute(customers, request(purchase('p-1'), 'cmd-2'));
    store.takeReads();
    const lookups = store.lookups;

    const outcome = await executor.execute(customers, request(purchase('p-2'), 'cmd-3'));

    expect(store.takeReads()).toEqual([]);
    expect(store.lookups).toBe(lookups);
    expect(outcome.revision).toBe(bought.revision + 1);
    expect(await executor.load(customers, STREAM)).toEqual(await truth());
  });

  describe('given a purchase and then other commands on the stream', () => {
    let first: Awaited<ReturnType<CommandExecutor['execute']>>;
    let head: number;

    beforeEach(async () => {
      await executor.execute(customers, request(register(), 'cmd-1'));
      first = await executor.execute(customers, request(purchase('p-1', 600_000), 'cmd-2'));
      await executor.execute(customers, request(purchase('p-2'), 'cmd-3'));
      await executor.execute(customers, request(purchase('p-3'), 'cmd-4'));
      head = await sqlite.headPosition();
      store.takeReads();
    });

    it('answers a retry with the first outcome, every event of it, and appends nothing', async () => {
      const retry = await executor.execute(customers, request(purchase('p-1', 600_000), 'cmd-2'));

      expect(first.events.map((event) => event.type)).toEqual(['Purchased', 'TierChanged', 'StageAdvanced']);
      expect(retry).toEqual({ ...first, replayed: true });
      expect(store.takeReads()).toEqual([first.events[0].revision]);
      expect(await sqlite.headPosition()).toBe(head);
    });

    it('answers a retry that the current state would accept again with its first outcome', async () => {
      const rename = (name: string): CustomerCommand => ({
        type: 'UpdateCustomerProfile',
        customerId: 'c-1',
        data: { name },
      });
      const renamed = await executor.execute(customers, request(rename('Ayşe Kaya'), 'cmd-5'));
      await executor.execute(customers, request(rename('Ayşe Demir'), 'cmd-6'));
      const before = await sqlite.headPosition();

      const retry = await executor.execute(customers, request(rename('Ayşe Kaya'), 'cmd-5'));

      expect(retry).toEqual({ ...renamed, replayed: true });
      expect(await sqlite.headPosition()).toBe(before);
      expect((await truth()).state).toMatchObject({ profile: { name: 'Ayşe Demir' } });
    });

    it('refuses the same key with another request and appends nothing', async () => {
      await expect(executor.execute(customers, request(purchase('p-9', 1), 'cmd-2'))).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      expect(await sqlite.headPosition()).toBe(head);
    });

    it('refuses the key of an event in another stream rather than replaying it there', async () => {
      await expect(executor.execute(customers, request(register('c-2'), 'cmd-2'))).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      expect(await sqlite.headPosition()).toBe(head);
    });
  });

  describe('when another process appends between two commands', () => {
    let other: CommandExecutor;
    let ours: number;
    let theirs: number;

    beforeEach(async () => {
      other = new CommandExecutor(sqlite, { clock: () => NOW });
      await executor.execute(customers, request(register(), 'cmd-1'));
      ours = (await executor.execute(customers, request(purchase('p-1'), 'cmd-2'))).revision;
      theirs = (await other.execute(customers, request(purchase('p-2'), 'cmd-3'))).revision;
      store.takeReads();
    });

    it('sees their events: state and revision as a full read has them', async () => {
      expect(await executor.load(customers, STREAM)).toEqual(await truth());
      expect((await executor.load(customers, STREAM)).revision).toBe(theirs);
      await expect(executor.execute(customers, request(purchase('p-2'), 'cmd-4'))).rejects.toBeInstanceOf(
        AlreadyExistsError,
      );
      expect(store.takeReads()).toEqual([ours + 1, theirs + 1, theirs + 1]);
    });

    it('refuses If-Match with the revision it last wrote, naming the true one, and accepts the true one', async () => {
      await expect(
        executor.execute(customers, request(purchase('p-4'), 'cmd-4', { expectedRevision: ours })),
      ).rejects.toEqual(new RevisionMismatchError(STREAM, ours, theirs));

      const accepted = await executor.execute(
        customers,
        request(purchase('p-4'), 'cmd-5', { expectedRevision: theirs }),
      );

      expect(accepted.revision).toBe(theirs + 1);
      expect(await executor.load(customers, STREAM)).toEqual(await truth());
    });
  });

  it('keeps at most the configured number of streams, dropping the least recently used', async () => {
    const bounded = new CommandExecutor(store, { clock: () => NOW, stateCacheSize: 2 });
    for (const id of ['c-1', 'c-2', 'c-3'])
      await bounded.execute(customers, request(register(id), `reg-${id}`));
    store.takeReads();

    await bounded.execute(customers, request(purchase('p-1', 100, 'c-3'), 'cmd-3'));
    await bounded.execute(customers, request(purchase('p-1', 100, 'c-1'), 'cmd-1'));

    expect(store.takeReads()).toEqual([0]);
  });

  it('forgets a stream whose append failed otherwise than by a conflict, and re-reads it whole', async () => {
    await executor.execute(customers, request(register(), 'cmd-1'));
    store.failNextAppendAfterWriting = true;
    await expect(executor.execute(customers, request(purchase('p-1'), 'cmd-2'))).rejects.toThrow(
      'key store unreachable',
    );
    store.takeReads();

    await expect(executor.execute(customers, request(purchase('p-1'), 'cmd-3'))).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
    expect(store.takeReads()).toEqual([0]);
  });

  it('forgets a stream when its append was deduplicated: another replica ran the same command first', async () => {
    await executor.execute(customers, request(register(), 'cmd-1'));
    const replica = new CommandExecutor(sqlite, { clock: () => NOW });
    let theirs: Awaited<ReturnType<CommandExecutor['execute']>> | undefined;
    store.beforeNextAppend = async () => {
      theirs = await replica.execute(customers, request(purchase('p-1'), 'cmd-2'));
    };

    const ours = await executor.execute(customers, request(purchase('p-1'), 'cmd-2'));
    store.takeReads();
    await executor.execute(customers, request(purchase('p-2'), 'cmd-3'));

    expect(ours).toEqual({ ...theirs, replayed: true });
    expect(store.takeReads()).toEqual([0]);
    expect(await executor.load(customers, STREAM)).toEqual(await truth());
  });

  describe.each([
    ['the cache is off', { withLookup: true, stateCacheSize: 0 }],
    ['the store cannot look events up by id', { withLookup: false, stateCacheSize: 10_000 }],
  ])('when %s', (_, { withLookup, stateCacheSize }) => {
    it('reads the whole stream for every command, and still answers a retry from it', async () => {
      const plain = new ObservedStore(sqlite, { withLookup });
      const reading = new CommandExecutor(plain, { clock: () => NOW, stateCacheSize });
      await reading.execute(customers, request(register(), 'cmd-1'));
      const first = await reading.execute(customers, request(purchase('p-1'), 'cmd-2'));

      const retry = await reading.execute(customers, request(purchase('p-1'), 'cmd-2'));
      await reading.execute(customers, request(purchase('p-2'), 'cmd-3'));

      expect(retry).toEqual({ ...first, replayed: true });
      expect(plain.takeReads()).toEqual([0, 0, 0, 0]);
      expect(plain.lookups).toBe(0);
      expect(await reading.load(customers, STREAM)).toEqual(await truth());
    });
  });
});
