/** RULES.md "RFM segmentation" defaults; every number is configurable by passing another policy. */
export interface SegmentationPolicy {
  /** R, F and M look at (asOf − rfmWindowDays, asOf]. */
  readonly rfmWindowDays: number;
  /** The 80/20 view looks at net spend in (asOf − paretoWindowDays, asOf]. */
  readonly paretoWindowDays: number;
  /** The "top 20%": ceil(n · paretoTopPercent / 100) customers, in integers so 15 × 20% is exactly 3. */
  readonly paretoTopPercent: number;
  /** The currency money is measured in; other currencies count for R and F only (no FX rates). */
  readonly currency: string;
}

export const DEFAULT_SEGMENTATION_POLICY: SegmentationPolicy = {
  rfmWindowDays: 730,
  paretoWindowDays: 365,
  paretoTopPercent: 20,
  currency: 'TRY',
};
