import { Inject, Injectable } from '@nestjs/common';
import { READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { type SpendLedger, windowStartMs } from '@crm/projections/customer-spend';
import { READ_MODELS, ReadModels } from '../read-models';

const BATCH = 1_000;

/** Loads customer-spend ledgers from the read store in pages, never from the event log. */
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
    const ledgers: SpendLedger[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.readModels.find(READ_MODELS.customerSpend, { where, limit: BATCH, cursor });
      ledgers.push(...page.items.map((item) => item.body as unknown as SpendLedger));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return ledgers;
  }

  /** The global position the customer-spend read model has applied; -1 before it has a checkpoint. */
  async position(): Promise<number> {
    const collection = await this.store.resolveAlias(READ_MODELS.customerSpend);
    const checkpoint = collection === undefined ? undefined : await this.store.getCheckpoint(collection);
    return checkpoint?.position ?? -1;
  }
}
