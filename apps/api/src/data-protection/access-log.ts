import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  accessLogStream,
  CURRENT_SCHEMA_VERSIONS,
  type SensitiveRecordViewed,
  stampEvents,
} from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { actorOf } from '../auth/principal';
import type { Reader } from './reader';

export type SensitiveView = SensitiveRecordViewed['data'];

/**
 * Appends `SensitiveRecordViewed` before a decrypted or audit view is served, so a read that cannot be
 * logged is not served. Its own streams (`access-<customerId>`, `audit-access`), not the customer's:
 * reads must stay possible and logged after an erasure, and must not contend with the customer's commands.
 */
@Injectable()
export class AccessLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(reader: Reader, view: SensitiveView, now: Date = new Date()): Promise<void> {
    const commandId = randomUUID();
    const events = stampEvents([{ type: 'SensitiveRecordViewed', data: view }], {
      metadata: {
        actor: actorOf(reader.principal),
        commandId,
        correlationId: reader.correlationId,
        causationId: commandId,
        source: reader.principal.service,
      },
      occurredAt: now.toISOString(),
      schemaVersions: CURRENT_SCHEMA_VERSIONS,
    });
    await this.store.append(accessLogStream(view.customerId), events, 'any');
  }
}
