import { Injectable } from '@nestjs/common';
import { DEFAULT_SEGMENTATION_POLICY, rfmScores, type RfmResult } from '@crm/projections/customer-spend';
import { SegmentLedgers } from './segment-ledgers';

/** R moves with the clock even without new events, so a cached result expires after this. */
export const CURRENT_RFM_MAX_AGE_MS = 60_000;

interface Cached {
  readonly position: number;
  readonly computedAtMs: number;
  readonly result: RfmResult;
}

/**
 * The RFM scores as of now, shared by requests: recomputed when the customer-spend read model has
 * applied new events (its checkpoint, not the event store head, so a lagging projection never gets
 * cached as fresh) or after 60 s.
 */
@Injectable()
export class CurrentRfm {
  private cached?: Cached;

  constructor(private readonly ledgers: SegmentLedgers) {}

  async get(): Promise<RfmResult> {
    const position = await this.ledgers.position();
    const nowMs = Date.now();
    if (this.cached?.position === position && nowMs - this.cached.computedAtMs <= CURRENT_RFM_MAX_AGE_MS) {
      return this.cached.result;
    }
    const asOf = new Date(nowMs).toISOString();
    const window = DEFAULT_SEGMENTATION_POLICY.rfmWindowDays;
    const result = rfmScores(await this.ledgers.withPurchaseWithin(asOf, window), asOf);
    this.cached = { position, computedAtMs: nowMs, result };
    return result;
  }
}
