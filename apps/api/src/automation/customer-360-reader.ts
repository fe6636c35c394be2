import { setTimeout as sleep } from 'node:timers/promises';
import { collectionName } from '@crm/projection-runtime';
import { customer360 } from '@crm/projections/customer-360';
import type { JsonObject, ReadStore } from '@crm/read-store';

/** The customer 360 had not applied the trigger when the wait ran out. */
export class StaleReadModelError extends Error {
  override readonly name = 'StaleReadModelError';

  constructor(
    readonly position: number,
    readonly checkpoint: number,
  ) {
    super(`customer-360 is at position ${checkpoint}, not yet at the trigger's ${position}`);
  }
}

const POLL_MS = 20;

/**
 * Reads a customer's 360 as of at least a global position. It reads the projection's own versioned
 * collection, the one its checkpoint describes, not the alias (which may still serve an older version).
 */
export class Customer360Reader {
  private readonly collection = collectionName(customer360);

  constructor(
    private readonly store: ReadStore,
    private readonly waitMs: number,
  ) {}

  async at(customerId: string, position: number, signal: AbortSignal): Promise<JsonObject | null> {
    const deadline = Date.now() + this.waitMs;
    let checkpoint = await this.checkpoint();
    while (checkpoint < position) {
      if (Date.now() >= deadline) throw new StaleReadModelError(position, checkpoint);
      await sleep(POLL_MS, undefined, { signal });
      checkpoint = await this.checkpoint();
    }
    return (await this.store.get(this.collection, customerId))?.body ?? null;
  }

  private async checkpoint(): Promise<number> {
    return (await this.store.getCheckpoint(this.collection))?.position ?? 0;
  }
}
