import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { READ_STORE } from '@crm/platform';
import {
  DocumentFilterError,
  type DocumentSelection,
  type FilterableProjection,
  projectionDocuments,
  storageName,
} from '@crm/projection-runtime';
import { invalidField } from '../http/validation.pipe';
import {
  type Condition,
  InvalidQueryError,
  type Page,
  type Query,
  type ReadStore,
  type StoredDocument,
  type StoredJson,
  UnknownCollectionError,
} from '@crm/read-store';

/** The aliases the projection runner serves its read models under (`storageName` of each projection). */
export const READ_MODELS = {
  customer360: 'customer_360',
  loyaltyTier: 'loyalty_tier',
  auditTrail: 'audit_trail',
  opportunities: 'opportunities',
  kpiFacts: 'kpi_facts',
  kpiCustomers: 'kpi_customers',
  customerSpend: 'customer_spend',
} as const;

export type ReadModel = (typeof READ_MODELS)[keyof typeof READ_MODELS];

/** The read store as the query side sees it: refusals become 400, a missing read model 503. */
@Injectable()
export class ReadModels {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  get(model: ReadModel, id: string): Promise<StoredDocument | undefined> {
    return this.translated(model, () => this.store.get(model, id));
  }

  getJson(model: ReadModel, id: string): Promise<StoredJson | undefined> {
    return this.translated(model, () => this.store.getJson(model, id));
  }

  getMany(model: ReadModel, ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    return this.translated(model, () => this.store.getMany(model, ids));
  }

  find(model: ReadModel, query: Query): Promise<Page> {
    return this.translated(model, () => this.store.find(model, query));
  }

  /** A page of a collection the caller resolved itself (`projectionTarget`: the one its code's version writes). */
  findIn(collection: string, query: Query): Promise<Page> {
    return this.translated(collection, () => this.store.find(collection, query));
  }

  count(model: ReadModel, where: readonly Condition[]): Promise<number> {
    return this.translated(model, () => this.store.count(model, where));
  }

  /** The documents of any readable projection, registered or ad-hoc (GET /projections/{name}/documents). */
  projectionDocuments(definition: FilterableProjection, selection: DocumentSelection): Promise<Page> {
    return this.translated(storageName(definition.name), () =>
      projectionDocuments(this.store, definition, selection),
    );
  }

  private async translated<T>(model: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      // Filters are checked against the projection's declared fields before the read store sees them.
      if (error instanceof DocumentFilterError) throw invalidField('where', error.message);
      // The only part of a query that reaches the read store unparsed by a DTO is the cursor.
      if (error instanceof InvalidQueryError) throw invalidField('cursor', error.message);
      if (error instanceof UnknownCollectionError) {
        throw new ServiceUnavailableException(`the ${model} read model is not built yet`);
      }
      throw error;
    }
  }
}
