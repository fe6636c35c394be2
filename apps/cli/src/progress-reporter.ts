import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';

export interface ProgressReporterOptions {
  /** Shown first, e.g. `export`. */
  readonly label: string;
  /** What is counted, e.g. `events`; the rate is shown per second of it. */
  readonly unit: string;
  /** `--progress` (true) draws the bar even when stderr is not a terminal, `--no-progress` (false) reports nothing. */
  readonly progress?: boolean;
}

/** How often a plain progress line is written when stderr is not a terminal, in seconds. */
const LINE_INTERVAL_VARIABLE = 'CRM_PROGRESS_INTERVAL';
const DEFAULT_LINE_INTERVAL_SECONDS = 5;

type Output = 'bar' | 'lines' | 'none';

/**
 * Progress of a long CLI command on stderr, so stdout stays free for its result. On a terminal, a
 * `cli-progress` bar: share done, count with its rate since the start, a detail, ETA at the recent
 * pace. Elsewhere (CI logs, pipes) a bar would be a wall of control codes, so a plain line every few
 * seconds carries the same figures, and one last line when the work stops. Without a known total
 * (`start()`), both show the count and the rate only.
 */
export class ProgressReporter {
  private readonly label: string;
  private readonly unit: string;
  private readonly output: Output;
  private readonly lineIntervalMs = lineIntervalSeconds() * 1_000;
  private readonly startedAt = performance.now();
  private bar: SingleBar | undefined;
  private total: number | undefined;
  private lastLineAt = this.startedAt;
  private latest = { value: 0, count: 0, detail: '' };

  constructor({ label, unit, progress }: ProgressReporterOptions) {
    this.label = label;
    this.unit = unit;
    if (progress === false) this.output = 'none';
    else this.output = progress === true || process.stderr.isTTY ? 'bar' : 'lines';
  }

  /** `total` and the `value` given to update are in the same measure, which need not be the counted unit. */
  start(total?: number): void {
    this.total = total;
    if (this.output !== 'bar') return;
    const share = total === undefined ? '' : '|{bar}| {percentage}% | ';
    const eta = total === undefined ? '' : ' | ETA {eta_formatted}';
    this.bar = new SingleBar(
      {
        format: `${this.label} ${share}{count} ${this.unit} | {rate} ${this.unit}/s | {detail}${eta}`,
        hideCursor: true,
        etaBuffer: 2_000,
        fps: 5,
        noTTYOutput: true,
      },
      Presets.shades_classic,
    );
    this.bar.start(total ?? 0, 0, { count: 0, rate: 0, detail: '' });
  }

  update(value: number, count: number, detail: string): void {
    this.latest = { value, count, detail };
    this.bar?.update(value, { count, rate: this.rate(count), detail });
    if (this.output === 'lines' && performance.now() - this.lastLineAt >= this.lineIntervalMs)
      this.writeLine();
  }

  stop(): void {
    this.bar?.stop();
    if (this.output === 'lines') this.writeLine('done');
  }

  elapsedSeconds(): number {
    return Math.max((performance.now() - this.startedAt) / 1_000, 0.001);
  }

  private rate(count: number): number {
    return Math.round(count / this.elapsedSeconds());
  }

  private writeLine(finished?: 'done'): void {
    this.lastLineAt = performance.now();
    const { value, count, detail } = this.latest;
    const parts = [`${count} ${this.unit}`, `${this.rate(count)} ${this.unit}/s`];
    if (detail !== '') parts.push(detail);
    if (finished !== undefined) parts.push(`${finished} in ${this.elapsedSeconds().toFixed(1)} s`);
    else if (this.total !== undefined && this.total > 0) {
      parts.unshift(`${Math.floor((100 * Math.min(value, this.total)) / this.total)}%`);
      const perSecond = value / this.elapsedSeconds();
      if (perSecond > 0) parts.push(`ETA ${formatSeconds((this.total - value) / perSecond)}`);
    }
    process.stderr.write(`${this.label}: ${parts.join(' | ')}\n`);
  }
}

function lineIntervalSeconds(): number {
  const configured = Number(process.env[LINE_INTERVAL_VARIABLE]);
  return process.env[LINE_INTERVAL_VARIABLE] !== undefined && configured >= 0
    ? configured
    : DEFAULT_LINE_INTERVAL_SECONDS;
}

function formatSeconds(seconds: number): string {
  const whole = Math.max(Math.round(seconds), 0);
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** `--progress` / `--no-progress` on a long command, read back as `options.progress`. */
export function withProgressOption(command: Command): Command {
  return command
    .option('--progress', 'draw the progress bar on stderr even when it is not a terminal')
    .option(
      '--no-progress',
      'report no progress (default: a bar on a terminal, a line every few seconds elsewhere)',
    );
}
