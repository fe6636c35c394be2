import { type Outcome, rate } from './timing';

/** One operation's results and its target. */
export interface Row {
  readonly operation: string;
  readonly crm: Outcome;
  readonly raw: Outcome;
  readonly emmett: Outcome;
  readonly target: string;
  /** Whether the target is met, given the measured rates; undefined when there is no target. */
  readonly met?: (r: { crm?: number; raw?: number; emmett?: number }) => boolean;
}

const HEADER = [
  'operation',
  'crm events/s',
  'raw events/s',
  'crm/raw',
  'emmett events/s',
  'crm/emmett',
  'target',
  'met?',
];

function formatRate(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'measured': {
      const value = Math.round(rate(outcome) ?? 0).toLocaleString('en-US');
      return outcome.note ? `${value} ${outcome.note}` : value;
    }
    case 'n/a':
      return 'n/a';
    case 'failed':
      return 'failed';
  }
}

function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`;
}

/** The results as a GitHub markdown table, ready to paste into docs/benchmarks.md. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map((_, i) => (i === 0 || i >= 6 ? '---' : '---:')).join(' | ')} |`,
  ];
  for (const row of rows) {
    const crm = rate(row.crm);
    const raw = rate(row.raw);
    const emmett = rate(row.emmett);
    const met =
      row.met === undefined ? '—' : crm === undefined ? 'no' : row.met({ crm, raw, emmett }) ? 'yes' : 'no';
    const cells = [
      row.operation,
      formatRate(row.crm),
      formatRate(row.raw),
      ratio(crm, raw),
      formatRate(row.emmett),
      ratio(crm, emmett),
      row.target,
      met,
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Why a cell says n/a or failed, as footnotes under the table. */
export function footnotes(rows: readonly Row[]): string[] {
  const notes: string[] = [];
  for (const row of rows) {
    for (const [system, outcome] of [
      ['crm', row.crm],
      ['raw', row.raw],
      ['emmett', row.emmett],
    ] as const) {
      if (outcome.kind === 'n/a') notes.push(`- ${row.operation}, ${system}: n/a — ${outcome.reason}`);
      if (outcome.kind === 'failed') notes.push(`- ${row.operation}, ${system}: failed — ${outcome.error}`);
    }
  }
  return notes;
}
