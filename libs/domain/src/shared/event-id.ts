import { v5 } from 'uuid';

/** Fixed forever: changing it would give retried commands new event ids and defeat deduplication. */
export const EVENT_ID_NAMESPACE = '6f1c9a52-3f0b-5d8e-9a41-2b7c0e4d8f13';

export const eventId = (commandId: string, index: number): string =>
  v5(`${commandId}:${index}`, EVENT_ID_NAMESPACE);
