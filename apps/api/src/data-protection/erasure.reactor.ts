import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type CustomerEventType, type EventEnvelope, parseStreamName } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { DATA_PROTECTION, type DataProtection, READ_STORE, SEALED_EVENT_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { followLog } from '../reactors/log-follower';
import { ReactorCheckpoint } from '../reactors/reactor-checkpoint';
import { ReadModelScrubber } from './read-model-scrubber';

/** The one event the erasure reactor acts on. */
const ERASED: CustomerEventType = 'CustomerErased';

export const ERASURE_CHECKPOINT = 'erasure';

/**
 * Completes every erasure the log holds: for each `CustomerErased` whose key is still there (the process
 * died between the append and the key's destruction, or another process appended it), destroys the key and
 * scrubs the read store. Starts from its checkpoint, from the very beginning the first time, and reads the
 * sealed log: it needs no personal field.
 */
@Injectable()
export class ErasureReactor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Erasure');
  private readonly checkpoint: ReactorCheckpoint;
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    @Inject(SEALED_EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(DATA_PROTECTION) private readonly protection: DataProtection,
    private readonly scrubber: ReadModelScrubber,
  ) {
    this.checkpoint = new ReactorCheckpoint(readStore, 250, ERASURE_CHECKPOINT);
  }

  onApplicationBootstrap(): void {
    this.running = followLog(
      {
        name: 'erasure reactor',
        store: this.store,
        types: [ERASED],
        checkpoint: this.checkpoint,
        logger: this.logger,
        startAfter: async () => (await this.checkpoint.load()) ?? 0,
        handle: (event) => this.handle(event),
      },
      this.abort.signal,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  /** Destroys the key of an erased customer that still has one; true when it did. */
  async handle(event: EventEnvelope): Promise<boolean> {
    const stream = parseStreamName(event.streamId);
    if (event.type !== ERASED || stream?.category !== 'customer') return false;
    if (await this.protection.cipher.isShredded(stream.id)) return false;
    await this.protection.cipher.shred(stream.id);
    this.logger.log({
      msg: 'destroyed the data key of an erased customer',
      customerId: stream.id,
      position: event.position,
    });
    void this.scrubber.afterErasure(event.position).catch(() => undefined);
    return true;
  }
}
