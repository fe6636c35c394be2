import type { ComplaintPriority } from '@crm/domain';
import { complained, event, given, registered, reopened, resolved } from './customer-360.fixtures';

const prioritized = (
  complaintId: string,
  priority: ComplaintPriority,
  previousPriority: ComplaintPriority,
  occurredAt: string,
) =>
  event(
    'ComplaintPrioritized',
    { complaintId, priority, previousPriority, reason: 'gold customer' },
    occurredAt,
  );

describe('customer-360: complaint priority', () => {
  it('raises the priority of one open complaint and leaves the others at normal', () => {
    given([
      registered(),
      complained('k1', '2026-01-02T00:00:00.000Z'),
      complained('k2', '2026-01-02T01:00:00.000Z'),
    ])
      .when(prioritized('k2', 'high', 'normal', '2026-01-02T01:00:05.000Z'))
      .then((doc) => {
        expect(doc.complaints.open.map((c) => [c.complaintId, c.priority])).toEqual([
          ['k1', 'normal'],
          ['k2', 'high'],
        ]);
        expect(doc.timeline[0].summary).toBe('Complaint k2 priority normal → high');
      });
  });

  it('keeps the priority through resolution and reopening', () => {
    given([registered(), complained('k1', '2026-01-02T00:00:00.000Z')])
      .when(
        prioritized('k1', 'urgent', 'normal', '2026-01-02T00:01:00.000Z'),
        resolved('k1', '2026-01-02T05:00:00.000Z'),
        reopened('k1', '2026-01-03T00:00:00.000Z'),
      )
      .then((doc) => expect(doc.complaints.open[0].priority).toBe('urgent'));
  });
});
