import { setTimeout as sleep } from 'node:timers/promises';
import { projectionTarget } from '@crm/projection-runtime';
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
 * Reads a customer's 360 as of at least a global position. It reads the collection this version of the
 * projection writes, resolved through the alias on every read (`projectionTarget`): after `crm rebuild`
 * swaps the alias to `<name>_v<version>_r<n>`, the runners write there and the old collection's checkpoint
 * stands still. An alias still serving an older version is not followed; this version's base collection is
 * read instead, as the runners write it.
 */
export class Customer360Reader {
  constructor(
    private readonly store: ReadStore,
    private readonly waitMs: number,
  ) {}

  async at(customerId: string, position: number, signal: AbortSignal): Promise<JsonObject | null> {
    const deadline = Date.now() + this.waitMs;
    let collection = await projectionTarget(this.store, customer360);
    let checkpoint = await this.checkpoint(collection);
    while (checkpoint < position) {
      if (Date.now() >= deadline) throw new StaleReadModelError(position, checkpoint);
      await sleep(POLL_MS, undefined, { signal });
      collection = await projectionTarget(this.store, customer360);
      checkpoint = await this.checkpoint(collection);
    }
    return (await this.store.get(collection, customerId))?.body ?? null;
  }

  private async checkpoint(collection: string): Promise<number> {
    return (await this.store.getCheckpoint(collection))?.position ?? 0;
  }
}
