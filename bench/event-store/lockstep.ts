import type { WorkloadRunner } from './runner';
import type { Outcome } from './timing';
import { batches, type EventFactory } from './workload';

/** A system taking part in an interleaved operation. */
export interface Participant {
  readonly key: string;
  readonly runner: WorkloadRunner;
}

/**
 * Runs (a), (c) and (d) in lockstep: every step (one append call, one page, one stream) is done by
 * each system in turn, the order rotating from step to step, and each system's step durations are
 * summed. On a machine shared with other work, a burst of load then hits all systems alike, so the
 * ratios stay meaningful even when the absolute numbers move. A system that throws is dropped
 * from the remaining steps and reported as failed.
 */
class Lockstep {
  private readonly nanos = new Map<string, bigint>();
  private readonly events = new Map<string, number>();
  private readonly errors = new Map<string, string>();
  private round = 0;

  constructor(private readonly participants: readonly Participant[]) {
    for (const { key } of participants) {
      this.nanos.set(key, 0n);
      this.events.set(key, 0);
    }
  }

  get active(): Participant[] {
    return this.participants.filter(({ key }) => !this.errors.has(key));
  }

  /** One step for every active participant, in rotating order. */
  async step(run: (p: Participant) => Promise<{ nanos: bigint; events: number }>): Promise<void> {
    const active = this.active;
    const offset = this.round++ % Math.max(active.length, 1);
    for (let i = 0; i < active.length; i++) {
      const p = active[(offset + i) % active.length] as Participant;
      try {
        const { nanos, events } = await run(p);
        this.nanos.set(p.key, (this.nanos.get(p.key) ?? 0n) + nanos);
        this.events.set(p.key, (this.events.get(p.key) ?? 0) + events);
      } catch (error) {
        this.fail(p.key, error);
      }
    }
  }

  fail(key: string, error: unknown): void {
    this.errors.set(key, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }

  eventsOf(key: string): number {
    return this.events.get(key) ?? 0;
  }

  outcomes(): Map<string, Outcome> {
    const result = new Map<string, Outcome>();
    for (const { key } of this.participants) {
      const error = this.errors.get(key);
      result.set(
        key,
        error !== undefined
          ? { kind: 'failed', error }
          : {
              kind: 'measured',
              measurement: { events: this.eventsOf(key), nanos: this.nanos.get(key) ?? 0n },
            },
      );
    }
    return result;
  }
}

/** (a) Each batch is generated once and appended by every system. */
export async function batchedAppendsLockstep(
  participants: readonly Participant[],
  factory: EventFactory,
  streams: readonly string[],
  total: number,
  batchSize: number,
): Promise<Map<string, Outcome>> {
  const lockstep = new Lockstep(participants);
  for (const batch of batches(factory, streams, total, batchSize)) {
    await lockstep.step(async (p) => ({
      nanos: await p.runner.appendBatchTimed(batch),
      events: batch.events.length,
    }));
  }
  return lockstep.outcomes();
}

/** (c) Every system pages through its whole log, one page each per round. */
export async function readWholeLogLockstep(
  participants: readonly Participant[],
  pageSize: number,
): Promise<Map<string, Outcome>> {
  const lockstep = new Lockstep(participants);
  const after = new Map<string, number>(participants.map(({ key }) => [key, 0]));
  const done = new Set<string>();
  while (lockstep.active.some(({ key }) => !done.has(key))) {
    await lockstep.step(async (p) => {
      if (done.has(p.key)) return { nanos: 0n, events: 0 };
      const { page, nanos } = await p.runner.readPageTimed(after.get(p.key) ?? 0);
      after.set(p.key, page.lastPosition);
      if (page.count < pageSize) done.add(p.key);
      return { nanos, events: page.count };
    });
  }
  verify(lockstep, 'read whole log');
  return lockstep.outcomes();
}

/** (d) Every stream is read by every system in turn. */
export async function readStreamsLockstep(
  participants: readonly Participant[],
  streams: readonly string[],
): Promise<Map<string, Outcome>> {
  const lockstep = new Lockstep(participants);
  for (const streamId of streams) {
    await lockstep.step(async (p) => {
      const { count, nanos } = await p.runner.readStreamTimed(streamId);
      return { nanos, events: count };
    });
  }
  verify(lockstep, 'read streams');
  return lockstep.outcomes();
}

function verify(lockstep: Lockstep, operation: string): void {
  for (const p of lockstep.active) {
    try {
      p.runner.check(operation, lockstep.eventsOf(p.key));
    } catch (error) {
      lockstep.fail(p.key, error);
    }
  }
}
