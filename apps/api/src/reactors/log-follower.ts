import type { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import type { ReactorCheckpoint } from './reactor-checkpoint';

const RESTART_DELAY_MS = 1_000;

/** What a reactor does with the global log: where it starts, and what each event makes it do. */
export interface LogReaction {
  /** For the log lines: `automation reactor`, `erasure reactor`. */
  readonly name: string;
  readonly store: EventStore;
  readonly checkpoint: ReactorCheckpoint;
  readonly logger: Logger;
  /** The only event types it acts on: the store filters the log by them, so the others are never read. */
  readonly types: readonly string[];
  /** The position to follow the log after, on each (re)start. */
  startAfter(): Promise<number>;
  /** Acts on one event; true when the checkpoint must be saved before the next event is taken. */
  handle(event: EventEnvelope, signal: AbortSignal): Promise<boolean>;
}

/**
 * Follows the log from the reaction's checkpoint until `signal` aborts, restarting after a failure; the
 * checkpoint moves only past events the reaction has handled, so a restart never skips one.
 */
export async function followLog(reaction: LogReaction, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      await followOnce(reaction, signal);
    } catch (error) {
      if (signal.aborted) return;
      reaction.logger.error({ msg: `${reaction.name} failed; restarting`, reason: (error as Error).message });
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
    }
  }
}

async function followOnce(reaction: LogReaction, signal: AbortSignal): Promise<void> {
  const { store, checkpoint } = reaction;
  // Skipped events of other types move the checkpoint too (idle writes), so a restart does not scan them again.
  const subscription = store.subscribeToAll({
    after: await reaction.startAfter(),
    types: reaction.types,
    onProgress: (position) => checkpoint.advance(position, false),
  });
  const close = () => void subscription.close();
  signal.addEventListener('abort', close);
  try {
    for await (const event of subscription) {
      const saveNow = await reaction.handle(event, signal);
      await checkpoint.advance(event.position, saveNow);
    }
  } finally {
    signal.removeEventListener('abort', close);
    await subscription.close();
    await checkpoint.flush();
  }
}
