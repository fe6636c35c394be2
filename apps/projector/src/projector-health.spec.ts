import type { BusProjectionStatus } from './bus-projector';
import { projectorHealth } from './projector-health';

const NOW = Date.parse('2026-03-01T12:00:00Z');

const projection = (name: string, extra: Partial<BusProjectionStatus> = {}): BusProjectionStatus => ({
  name,
  version: 1,
  collection: `${name}_v1`,
  delivery: 'global-order',
  topic: 'crm.customer-events.ordered',
  groupId: `crm-projection-${name}-v1`,
  state: 'running',
  lagMessages: 0,
  partitions: [],
  deadLetters: 0,
  ...extra,
});

describe("the projector's health", () => {
  it('is ok while every member holds partitions', () => {
    const health = projectorHealth(
      [projection('kpis', { assignment: { partitions: 1, settleMs: 30_000 } })],
      NOW,
    );
    expect(health).toMatchObject({ status: 'ok', unassigned: [] });
  });

  it('stays ok while a member is without partitions for less than the session timeout (a rebalance)', () => {
    const rebalancing = { partitions: 0, idleSince: NOW - 29_000, settleMs: 30_000 };
    expect(projectorHealth([projection('kpis', { assignment: rebalancing })], NOW).status).toBe('ok');
  });

  it('is not ready once a member has held no partition for longer than the session timeout', () => {
    const idle = { partitions: 0, idleSince: NOW - 31_000, settleMs: 30_000 };
    const health = projectorHealth(
      [
        projection('kpis', { assignment: idle }),
        projection('customer-360', { assignment: { partitions: 2, settleMs: 30_000 } }),
      ],
      NOW,
    );
    expect(health).toMatchObject({ status: 'not-ready', unassigned: ['kpis'] });
  });

  it('says failing first when a batch fails', () => {
    const idle = { partitions: 0, idleSince: NOW - 60_000, settleMs: 30_000 };
    const health = projectorHealth(
      [projection('kpis', { assignment: idle, lastError: 'read store down' })],
      NOW,
    );
    expect(health.status).toBe('failing');
  });

  it('ignores stopped projections and buses that do not rebalance', () => {
    const idle = { partitions: 0, idleSince: NOW - 60_000, settleMs: 30_000 };
    const health = projectorHealth(
      [projection('kpis', { state: 'idle', assignment: idle }), projection('audit-trail')],
      NOW,
    );
    expect(health.status).toBe('ok');
  });
});
