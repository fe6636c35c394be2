import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { accessLogStream, customerStream, type EventEnvelope, opportunityStream } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import type { JsonObject, StoredDocument } from '@crm/read-store';
import { READ_MODELS, ReadModels } from '../queries/read-models';
import { AccessLog } from './access-log';
import type { Reader } from './reader';

/** Everything the system holds about one person (KVKK art. 11, GDPR art. 15), in one JSON document. */
export interface DataExport {
  readonly customerId: string;
  readonly exportedAt: string;
  readonly erased: boolean;
  /** The customer's own stream, personal fields decrypted (or `[erased]`). */
  readonly events: EventEnvelope[];
  /** The streams of the customer's opportunities. */
  readonly opportunityEvents: EventEnvelope[];
  /** Who read this customer's personal data, when and why (this export included). */
  readonly accessLog: EventEnvelope[];
  readonly consents: JsonObject | null;
  readonly readModels: Readonly<Record<string, JsonObject | null>>;
}

const MAX_OPPORTUNITIES = 1_000;

@Injectable()
export class DataExportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly accessLog: AccessLog,
  ) {}

  /** Logs the access first: an export that cannot be logged is not handed out. */
  async export(customerId: string, reader: Reader, purpose: string, now = new Date()): Promise<DataExport> {
    const events = await this.store.readStream(customerStream(customerId));
    if (events.length === 0) throw new NotFoundException(`customer ${customerId} not found`);
    await this.accessLog.record(reader, { record: 'data-export', customerId, purpose }, now);
    const [customer360, loyaltyTier, customerSpend, kpiCustomer, opportunityEvents, accessLog] =
      await Promise.all([
        this.body(READ_MODELS.customer360, customerId),
        this.body(READ_MODELS.loyaltyTier, customerId),
        this.body(READ_MODELS.customerSpend, customerId),
        this.body(READ_MODELS.kpiCustomers, customerId),
        this.opportunityEvents(customerId),
        this.store.readStream(accessLogStream(customerId)),
      ]);
    return {
      customerId,
      exportedAt: now.toISOString(),
      erased: events.some((event) => event.type === 'CustomerErased'),
      events,
      opportunityEvents,
      accessLog,
      consents: (customer360?.consents as JsonObject | undefined) ?? null,
      readModels: { customer360, loyaltyTier, customerSpend, kpiCustomer },
    };
  }

  private async body(
    model: (typeof READ_MODELS)[keyof typeof READ_MODELS],
    id: string,
  ): Promise<JsonObject | null> {
    const document: StoredDocument | undefined = await this.readModels.get(model, id).catch(() => undefined);
    return document?.body ?? null;
  }

  private async opportunityEvents(customerId: string): Promise<EventEnvelope[]> {
    const page = await this.readModels
      .find(READ_MODELS.opportunities, {
        where: [{ field: 'customerId', op: 'eq', value: customerId }],
        limit: MAX_OPPORTUNITIES,
      })
      .catch(() => ({ items: [] }));
    const streams = await Promise.all(
      page.items.map((item) => this.store.readStream(opportunityStream(item.id))),
    );
    return streams.flat();
  }
}
