import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { READ_STORE } from '@crm/platform';
import { projectionTarget } from '@crm/projection-runtime';
import { kpiCustomers, type KpiCustomer } from '@crm/projections/kpi-customers';
import { KpiAggregates, kpiFacts, type KpiFact } from '@crm/projections/kpi-facts';
import { type ReadStore, type StoredDocument, UnknownCollectionError } from '@crm/read-store';

const PAGE = 10_000;

/** Where the aggregates stand in one read model: the collection read and its checkpoint then. */
interface Cursor {
  readonly collection: string;
  readonly position: number;
}

interface Fed {
  readonly aggregates: KpiAggregates;
  facts: Cursor;
  customers: Cursor;
}

/**
 * Keeps the KPI aggregates (ADR kpi-aggregates) in step with the kpi-facts and kpi-customers read models:
 * before each report it reads each model's checkpoint, then only the documents whose `lastPosition` is
 * above the checkpoint it saw last time. A document written after the checkpoint is seen again next
 * time, harmlessly (a put replaces). The first report, one after a rebuild swapped a collection, or after
 * a checkpoint went back (a replay) reads everything once. Reads the collections this version writes,
 * as the runners do, even while an alias still serves an older version.
 */
@Injectable()
export class KpiAggregatesFeed {
  private fed: Fed | undefined;
  /** Refreshes run one after another, each starting from where the previous one left off. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  /** The aggregates with every fact and customer up to the read models' checkpoints at this call. */
  current(): Promise<KpiAggregates> {
    const refreshed = this.queue.then(() => this.refresh());
    this.queue = refreshed.catch(() => undefined);
    return refreshed;
  }

  private async refresh(): Promise<KpiAggregates> {
    try {
      const factsAt = await this.cursor(await projectionTarget(this.store, kpiFacts));
      const customersAt = await this.cursor(await projectionTarget(this.store, kpiCustomers));
      const fed = this.fed !== undefined && continues(this.fed, factsAt, customersAt) ? this.fed : undefined;
      const next: Fed = fed ?? {
        aggregates: new KpiAggregates(),
        facts: { collection: factsAt.collection, position: 0 },
        customers: { collection: customersAt.collection, position: 0 },
      };
      this.fed = undefined;
      await this.changed(next.facts, (id, body) => next.aggregates.putFact(id, body as KpiFact));
      await this.changed(next.customers, (id, body) => next.aggregates.putCustomer(id, body as KpiCustomer));
      next.facts = factsAt;
      next.customers = customersAt;
      this.fed = next;
      return next.aggregates;
    } catch (error) {
      if (error instanceof UnknownCollectionError) {
        throw new ServiceUnavailableException('the KPI read models are not built yet');
      }
      throw error;
    }
  }

  private async cursor(collection: string): Promise<Cursor> {
    return { collection, position: (await this.store.getCheckpoint(collection))?.position ?? 0 };
  }

  /** Every document of the collection changed after the cursor's position. */
  private async changed(since: Cursor, put: (id: string, body: unknown) => void): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.store.find(since.collection, {
        where: [{ field: 'lastPosition', op: 'range', gt: since.position }],
        // In the order of the field's index: by id, SQLite would walk every document to filter them.
        sort: { field: 'lastPosition', direction: 'asc' },
        limit: PAGE,
        cursor,
      });
      page.items.forEach((document: StoredDocument) => put(document.id, document.body));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
}

/** The same collections, neither checkpoint moved back: only what changed since needs reading. */
const continues = (fed: Fed, facts: Cursor, customers: Cursor): boolean =>
  fed.facts.collection === facts.collection &&
  fed.customers.collection === customers.collection &&
  facts.position >= fed.facts.position &&
  customers.position >= fed.customers.position;
