import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import type { Role } from '../../src/auth/role';
import type { RunningApp } from './embedded-app';
import { call, type HttpResult } from './http-client';

export interface OutcomeBody {
  readonly revision: number;
  readonly events: ReadonlyArray<{ readonly type: string }>;
  readonly code?: string;
  readonly message?: string;
  readonly errors?: ReadonlyArray<{ readonly field: string; readonly messages: string[] }>;
}

export interface CommandClient {
  readonly send: (
    method: string,
    path: string,
    body: unknown,
    options?: { role?: Role; headers?: Record<string, string> },
  ) => Promise<HttpResult<OutcomeBody>>;
  readonly head: () => Promise<number>;
}

/** Sends command requests as a `service` caller (or another role) and reads the event store's head. */
export function commandClient(running: () => RunningApp): CommandClient {
  return {
    send: (method, path, body, { role = 'service', headers = {} } = {}) => {
      const { baseUrl, token } = running();
      return call<OutcomeBody>(baseUrl, method, path, { token: token(role), body, headers });
    },
    head: () => running().app.get<EventStore>(EVENT_STORE).headPosition(),
  };
}

export const typesOf = (result: HttpResult<OutcomeBody>): string[] =>
  result.body.events.map((event) => event.type);
