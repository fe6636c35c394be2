import type { EventEnvelope } from '@crm/domain';
import { activityEvent } from './events';

/** A stored event for pure specs: `position` doubles as the id's suffix. */
export function envelope(position: number, streamId: string, type: string, revision = 0): EventEnvelope {
  return {
    ...activityEvent(`e${position}`, type),
    streamId,
    revision,
    position,
    recordedAt: '2026-01-01T00:00:01.000Z',
  };
}
