import type { EventEnvelope, NewEvent } from '@crm/domain';
import type { AllStreamResolvedEvent, RecordedEvent } from '@eventstore/db-client';
import { clientSubscription, type FakeGrpcStream } from '../../../test/support/fake-esdb-client';
import { fromRecordedEvent, toEsdbEventData } from './esdb-event-mapping';
import { EsdbSubscription } from './esdb-subscription';
import { subscriptionFilter } from './esdb-subscription-filter';

/**
 * The adapter's handling of the client's subscription stream, over the client's own `Subscription`
 * Transform (dist/streams/utils/Subscription.js) fed by a gRPC stream driven by hand: events and the
 * checkpoints of a server-side filter by type, as EventStoreDB sends them.
 */

const event = (revision: number): NewEvent => ({
  id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  type: 'CustomerErased',
  schemaVersion: 1,
  occurredAt: '2026-03-01T10:00:00.000Z',
  data: {},
  metadata: {
    actor: { id: 'svc', kind: 'service', roles: ['service'] },
    commandId: `cmd-${revision}`,
    correlationId: 'corr',
    causationId: 'cause',
    source: 'test',
  },
});

/** An event of ours at `position`, as the client hands it out. */
function resolvedAt(position: number): AllStreamResolvedEvent {
  const data = toEsdbEventData(event(position));
  const recorded = {
    streamId: 'customer-1',
    id: data.id,
    revision: BigInt(position),
    type: data.type,
    isJson: true,
    created: new Date('2026-03-01T10:00:01.000Z'),
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: BigInt(position), prepare: BigInt(position) },
  } as RecordedEvent;
  return { event: recorded } as AllStreamResolvedEvent;
}

type Seen = { readonly event: number } | { readonly progress: number };

interface Harness {
  readonly grpc: FakeGrpcStream;
  readonly subscription: EsdbSubscription;
  readonly seen: Seen[];
  /** Takes `count` events (progress reports land in `seen` on the way). */
  take(count: number): Promise<void>;
}

function harness(options: { after?: number; maxBuffered?: number } = {}): Harness {
  const after = options.after ?? 0;
  const seen: Seen[] = [];
  const reportTo: { subscription?: EsdbSubscription } = {};
  const filter = subscriptionFilter(['customer-'], ['CustomerErased'], () => reportTo.subscription);
  const client = clientSubscription(filter.checkpointReached);
  const subscription = new EsdbSubscription({
    source: client.subscription,
    after,
    map: (resolved) => {
      const envelope: EventEnvelope = fromRecordedEvent(resolved.event!);
      return envelope.position > after ? envelope : null;
    },
    onProgress: async (position) => {
      seen.push({ progress: position });
    },
    ...(options.maxBuffered === undefined ? {} : { maxBuffered: options.maxBuffered }),
  });
  reportTo.subscription = subscription;
  const iterator = subscription[Symbol.asyncIterator]();
  const take = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const next = await within(iterator.next(), `event ${i + 1} of ${count}`);
      if (next.done) throw new Error('the subscription ended');
      seen.push({ event: next.value.position });
    }
  };
  return { grpc: client.grpc, subscription, seen, take };
}

/** Fails instead of hanging when the client's Transform has stalled. */
function within<T>(promise: Promise<T>, what: string, ms = 1_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms (stalled)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Lets the piped gRPC stream and the client's Transform move what they can. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('EsdbSubscription over the client subscription stream', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeEach(() => {
    rejections.length = 0;
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => {
    process.off('unhandledRejection', onRejection);
  });

  it('ignores a checkpoint of (0,0), which a filter from the start sends before its first match, and goes on', async () => {
    const { grpc, subscription, seen, take } = harness();

    grpc.sendCheckpoint(0n, 0n);
    grpc.sendEvent(resolvedAt(4_096));
    await take(1);
    await settle();

    expect(seen).toEqual([{ event: 4_096 }]);
    expect(rejections).toEqual([]);
    await subscription.close();
  });

  it('reports a checkpoint as the position it names, a record boundary to resubscribe from, not one short', async () => {
    const { grpc, subscription, seen, take } = harness();

    grpc.sendEvent(resolvedAt(1_000));
    grpc.sendCheckpoint(8_192n);
    grpc.sendEvent(resolvedAt(9_000));
    await take(2);

    expect(seen).toEqual([{ event: 1_000 }, { progress: 8_192 }, { event: 9_000 }]);
    await subscription.close();
  });

  it('does not report a checkpoint at or before the position it started after', async () => {
    const { grpc, subscription, seen, take } = harness({ after: 5_000 });

    grpc.sendCheckpoint(5_000n);
    grpc.sendCheckpoint(4_000n);
    grpc.sendEvent(resolvedAt(6_000));
    await take(1);

    expect(seen).toEqual([{ event: 6_000 }]);
    await subscription.close();
  });

  it('fails through next() on a checkpoint it cannot take, instead of throwing into the client', async () => {
    const { grpc, subscription, take } = harness();
    const tooFar = BigInt(Number.MAX_SAFE_INTEGER) + 2n;

    grpc.sendCheckpoint(tooFar, tooFar);

    await expect(take(1)).rejects.toThrow(RangeError);
    await settle();
    expect(rejections).toEqual([]);
    await subscription.close();
  });

  it('holds a checkpoint back until the events the client still buffered before it have been taken', async () => {
    // Two buffered items pause the source; the client's Transform goes on transforming into its readable
    // buffer, and calls checkpointReached while three events wait there.
    const { grpc, subscription, seen, take } = harness({ maxBuffered: 2 });

    for (const position of [100, 200, 300, 400, 500]) grpc.sendEvent(resolvedAt(position));
    grpc.sendCheckpoint(900n);
    grpc.sendEvent(resolvedAt(1_000));
    await settle();
    await take(6);

    expect(seen).toEqual([
      { event: 100 },
      { event: 200 },
      { event: 300 },
      { event: 400 },
      { event: 500 },
      { progress: 900 },
      { event: 1_000 },
    ]);
    await subscription.close();
  });
});
