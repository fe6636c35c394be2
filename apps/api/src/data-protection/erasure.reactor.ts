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
 * Completes every erasure the log holds, whatever step a crash stopped it at: for each `CustomerErased`, it
 * destroys the key (idempotent: a tombstone stays a tombstone) and then waits for this process's projections
 * to apply the erasure and truncates the read store's WAL. Its checkpoint moves past an erasure only once
 * every step is done, so a process killed after the append, after the key's destruction or before the
 * scrub finishes the erasure when it starts again: whether the key is already gone says nothing about the
 * read store's files. Starts from its checkpoint, from the very beginning the first time, and reads the
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

  /**
   * Runs every step of the erasure `event` records; true once all are done (the checkpoint is then saved). A
   * read store the projections have not caught up with yet is an error: the log follower retries from the
   * checkpoint, which has not moved past this erasure.
   */
  async handle(event: EventEnvelope): Promise<boolean> {
    const stream = parseStreamName(event.streamId);
    if (event.type !== ERASED || stream?.category !== 'customer') return false;
    const { cipher } = this.protection;
    const hadKey = !(await cipher.isShredded(stream.id));
    await cipher.shred(stream.id);
    if (!(await this.scrubber.afterErasure(event.position))) {
      throw new Error(`the read store does not yet hold the erasure at position ${event.position}`);
    }
    const done = { customerId: stream.id, position: event.position };
    if (hadKey) this.logger.log({ msg: 'completed an erasure: key destroyed, read store scrubbed', ...done });
    else this.logger.debug({ msg: 'erasure complete: read store scrubbed', ...done });
    return true;
  }
}
