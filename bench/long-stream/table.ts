const MAX_RATIO = 2;

/** A kind of customer in the table; `target` rows are held to ≤ 2× the first row (the new customer). */
export interface Kind {
  readonly label: string;
  readonly events: number;
  readonly target?: true;
}

export interface Stats {
  readonly samples: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { samples: sorted.length, median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
}

const HEADER = [
  'RecordPurchase, cold state cache',
  'events in the stream',
  'samples',
  'median (ms)',
  'p90 (ms)',
  'max (ms)',
  '÷ new (medians)',
  'target',
  'met?',
];
const ALIGN = ['---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---'];
const line = (values: readonly string[]): string => `| ${values.join(' | ')} |`;
const ms = (value: number): string => value.toFixed(2);

/** The markdown table, the first kind being the baseline, and whether every target row met ≤ 2×. */
export function table(kinds: readonly Kind[], results: readonly Stats[]): { text: string; met: boolean } {
  const baseline = results[0].median;
  let met = true;
  const rows = kinds.map((kind, i) => {
    const ratio = results[i].median / baseline;
    if (kind.target && ratio > MAX_RATIO) met = false;
    return line([
      kind.label,
      kind.events.toLocaleString('en-US'),
      String(results[i].samples),
      ms(results[i].median),
      ms(results[i].p90),
      ms(results[i].max),
      `${ratio.toFixed(2)}×`,
      kind.target ? `≤ ${MAX_RATIO}×` : '—',
      kind.target ? (ratio <= MAX_RATIO ? 'yes' : 'no') : '—',
    ]);
  });
  return { text: [line(HEADER), line(ALIGN), ...rows].join('\n'), met };
}
