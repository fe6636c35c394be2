import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@crm/domain';
import { NotFoundError, customerStream, eventId } from '@crm/domain';
import { type EventStore, type ExpectedRevision, SqliteEventStore } from '@crm/event-store';
import { customerAggregate } from './aggregate';
import {
  ConcurrencyRetriesExhaustedError,
  IdempotencyKeyReusedError,
  RevisionMismatchError,
} from './command-errors';
import { CommandExecutor } from './command-executor';
import { requestHash } from './request-hash';
import { FINGERPRINT_KEY, NOW, issuer, purchase, register, request } from './testing/customer-requests';

const customers = customerAggregate();

// Every behaviour holds alike whether the executor caches stream states (ADR 0014) or reads whole streams.
describe.each([
  ['with the stream state cache', 10_000],
  ['with the stream state cache off', 0],
])('CommandExecutor %s', (_, stateCacheSize) => {
  let dir: string;
  let store: EventStore;
  let executor: CommandExecutor;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-executor-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    executor = new CommandExecutor(store, { clock: () => NOW, stateCacheSize });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends the decided events with the issuer, the command id and the request hash as metadata', async () => {
    const outcome = await executor.execute(customers, request(register(), 'cmd-1'));

    expect(outcome).toEqual({
      commandId: 'cmd-1',
      streamId: 'customer-c-1',
      revision: 0,
      events: [{ id: eventId('cmd-1', 0), type: 'CustomerRegistered', revision: 0, position: 1 }],
      replayed: false,
    });
    const [stored] = await store.readStream('customer-c-1');
    expect(stored.occurredAt).toBe(NOW.toISOString());
    expect(stored.metadata).toEqual({
      ...issuer,
      commandId: 'cmd-1',
      causationId: 'cmd-1',
      requestHash: requestHash(register(), FINGERPRINT_KEY),
    });
  });

  it('refuses a command dated more than 5 minutes past its clock, naming occurredAt, and appends nothing', async () => {
    // The clock reads NOW; NOW + 5 min + 1 ms is past the horizon.
    const future = new Date(NOW.getTime() + 5 * 60_000 + 1).toISOString();

    await expect(
      executor.execute(customers, request({ ...register(), occurredAt: future }, 'cmd-future')),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'occurredAt' });
    expect(await store.readStream('customer-c-1')).toEqual([]);
  });

  it('answers a retry with the same command id and request with the first outcome and appends nothing', async () => {
    await executor.execute(customers, request(register(), 'cmd-1'));
    const first = await executor.execute(customers, request(purchase('p-1', 600_000), 'cmd-2'));
    const head = await store.headPosition();

    const retries = await Promise.all(
      Array.from({ length: 10 }, () =>
        executor.execute(customers, request(purchase('p-1', 600_000), 'cmd-2')),
      ),
    );

    expect(await store.headPosition()).toBe(head);
    for (const retry of retries) expect(retry).toEqual({ ...first, replayed: true });
  });

  it('refuses a command id reused with a different request, appending nothing', async () => {
    await executor.execute(customers, request(register(), 'cmd-1'));
    await executor.execute(customers, request(purchase('p-1'), 'cmd-2'));
    const head = await store.headPosition();

    await expect(executor.execute(customers, request(purchase('p-9', 1), 'cmd-2'))).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    await expect(executor.execute(customers, request(register('c-2'), 'cmd-1'))).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a demanded revision the stream is not at, naming the current one', async () => {
    await executor.execute(customers, request(register(), 'cmd-1'));
    await executor.execute(customers, request(purchase('p-1'), 'cmd-2'));

    const attempt = executor.execute(customers, request(purchase('p-2'), 'cmd-3', { expectedRevision: 0 }));

    await expect(attempt).rejects.toEqual(new RevisionMismatchError('customer-c-1', 0, 2));
    expect(await store.headPosition()).toBe(3);
    const accepted = await executor.execute(
      customers,
      request(purchase('p-2'), 'cmd-4', { expectedRevision: 2 }),
    );
    expect(accepted.revision).toBe(3);
  });

  it('stores a backdated command time in UTC, whatever offset the caller wrote', async () => {
    await executor.execute(
      customers,
      request({ ...register(), occurredAt: '2026-03-01T12:00:00+03:00' }, 'cmd-1'),
    );

    const [stored] = await store.readStream('customer-c-1');
    expect(stored.occurredAt).toBe('2026-03-01T09:00:00.000Z');
  });

  it('lets a domain rejection through and appends nothing', async () => {
    await expect(executor.execute(customers, request(purchase('p-1'), 'cmd-1'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await store.headPosition()).toBe(0);
  });

  it('lands every one of 50 concurrent purchases on one customer', async () => {
    await executor.execute(customers, request(register(), 'cmd-0'));

    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        executor.execute(customers, request(purchase(`p-${i}`), `cmd-p-${i}`)),
      ),
    );

    const purchases = (await store.readStream('customer-c-1')).filter((event) => event.type === 'Purchased');
    expect(purchases).toHaveLength(50);
    expect(new Set(outcomes.map((outcome) => outcome.revision)).size).toBe(50);
  });

  it('re-decides on a conflict with another process writing the same stream', async () => {
    const other = new CommandExecutor(store, { clock: () => NOW, stateCacheSize });
    await executor.execute(customers, request(register(), 'cmd-0'));

    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? executor : other).execute(customers, request(purchase(`p-${i}`), `cmd-p-${i}`)),
      ),
    );

    const purchases = (await store.readStream('customer-c-1')).filter((event) => event.type === 'Purchased');
    expect(purchases.map((event) => (event.data as { purchaseId: string }).purchaseId).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `p-${i}`).sort(),
    );
  });

  it('gives up after the configured number of attempts when the stream keeps changing', async () => {
    const rival = new RivalWriter(store, customerStream('c-1'));
    const contested = new CommandExecutor(rival, { clock: () => NOW, maxAttempts: 3 });
    await executor.execute(customers, request(register(), 'cmd-0'));

    await expect(contested.execute(customers, request(purchase('p-1'), 'cmd-1'))).rejects.toEqual(
      new ConcurrencyRetriesExhaustedError('customer-c-1', 3),
    );
    expect(rival.interruptions).toBe(3);
  });
});

/** Another writer that always gets its event into the stream just before ours. */
class RivalWriter implements EventStore {
  interruptions = 0;

  constructor(
    private readonly inner: EventStore,
    private readonly streamId: string,
  ) {}

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    this.interruptions++;
    const [template] = events;
    const commandId = `rival-${this.interruptions}`;
    await this.inner.append(
      this.streamId,
      [
        {
          ...template,
          id: eventId(commandId, 0),
          data: { ...(template.data as object), purchaseId: commandId },
          metadata: { ...template.metadata, commandId, causationId: commandId },
        },
      ],
      'any',
    );
    return this.inner.append(streamId, events, expected);
  }

  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  readAll: EventStore['readAll'] = (...args) => this.inner.readAll(...args);
  subscribeToAll: EventStore['subscribeToAll'] = (...args) => this.inner.subscribeToAll(...args);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  close: EventStore['close'] = () => this.inner.close();
}
