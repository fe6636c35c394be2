import type { NewEvent } from '@crm/domain';
import { type EventStore, type ExpectedRevision, SqliteEventStore } from '@crm/event-store';
import type { Page, Subject } from './subject';

/** Our SQLite adapter, driven only through the `EventStore` port, with its default options. */
export class CrmStoreSubject implements Subject {
  readonly name = 'crm SqliteEventStore';
  private readonly store: EventStore;

  constructor(path: string) {
    this.store = SqliteEventStore.open({ path });
  }

  async appendBatch(streamId: string, events: readonly NewEvent[], expected: number): Promise<void> {
    await this.store.append(streamId, events, toExpected(expected));
  }

  async appendSingle(streamId: string, event: NewEvent, expected: number): Promise<void> {
    await this.store.append(streamId, [event], toExpected(expected));
  }

  async readAllPage(after: number, limit: number): Promise<Page> {
    const events = await this.store.readAll({ after, limit });
    const last = events[events.length - 1];
    return { count: events.length, lastPosition: last === undefined ? after : last.position };
  }

  async readStream(streamId: string): Promise<number> {
    return (await this.store.readStream(streamId)).length;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

function toExpected(revision: number): ExpectedRevision {
  return revision < 0 ? 'no_stream' : revision;
}
