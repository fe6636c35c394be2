import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE } from '@crm/platform';
import { projectionTarget } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { customerSpend, type SpendLedger, windowStartMs } from '@crm/projections/customer-spend';
import { ReadModels } from '../read-models';

const BATCH = 1_000;

/**
 * Loads customer-spend ledgers from the read store in pages, never from the event log: from the collection
 * this code's customer-spend version writes (`projectionTarget`), not whatever the alias serves, so that a
 * version deployed before its `crm rebuild` is read in the shape this code knows (ADR 0035).
 */
@Injectable()
export class SegmentLedgers {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(READ_STORE) private readonly store: ReadStore,
  ) {}

  /** Every ledger with a purchase in (asOf − days, …]: a purchase in the window implies one. */
  async withPurchaseWithin(asOf: string, days: number): Promise<SpendLedger[]> {
    const where = [
      { field: 'lastPurchaseMs', op: 'range', gt: windowStartMs(Date.parse(asOf), days) } as const,
    ];
    const collection = await projectionTarget(this.store, customerSpend);
    const ledgers: SpendLedger[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.readModels.findIn(collection, { where, limit: BATCH, cursor });
      ledgers.push(...page.items.map((item) => item.body as unknown as SpendLedger));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return ledgers;
  }

  /** The global position the customer-spend read model has applied; -1 before it has a checkpoint. */
  async position(): Promise<number> {
    const checkpoint = await this.store.getCheckpoint(await projectionTarget(this.store, customerSpend));
    return checkpoint?.position ?? -1;
  }
}
