import type { BusProjectionStatus } from './bus-projector';

export interface ProjectorHealth {
  /**
   * "failing" while a projection's last batch failed (read store down, a halted poison event); "not-ready"
   * while one of this process's group members has held no partition for longer than the group's session
   * timeout: past a rebalance, it is a member with nothing to do (more members than partitions).
   */
  readonly status: 'ok' | 'failing' | 'not-ready';
  /** Projections whose member here holds no partition, once that outlasted a rebalance. */
  readonly unassigned: string[];
  readonly projections: BusProjectionStatus[];
}

export function projectorHealth(projections: BusProjectionStatus[], now: number): ProjectorHealth {
  const unassigned = projections
    .filter(({ state, assignment }) => {
      if (state !== 'running' || assignment?.idleSince === undefined) return false;
      return now - assignment.idleSince > assignment.settleMs;
    })
    .map((projection) => projection.name);
  const failing = projections.some((projection) => projection.lastError !== undefined);
  const status = failing ? 'failing' : unassigned.length > 0 ? 'not-ready' : 'ok';
  return { status, unassigned, projections };
}
