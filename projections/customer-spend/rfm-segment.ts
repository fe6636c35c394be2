export const RFM_SEGMENTS = ['champions', 'loyal', 'at_risk', 'hibernating', 'new', 'potential'] as const;

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Quintile scores, 1 (worst) to 5 (best); R is already inverted (most recent = 5). */
export interface RfmQuintiles {
  readonly r: number;
  readonly f: number;
  readonly m: number;
}

/** RULES.md segments on the scores (not the raw counts), first match wins. */
export const segmentOf = ({ r, f, m }: RfmQuintiles): RfmSegment => {
  if (r >= 4 && f >= 4 && m >= 4) return 'champions';
  if (f >= 4) return 'loyal';
  if (r <= 2 && (f >= 3 || m >= 3)) return 'at_risk';
  if (r <= 2) return 'hibernating';
  if (f === 1 && r >= 4) return 'new';
  return 'potential';
};
