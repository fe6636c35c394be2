import { Presets, SingleBar } from 'cli-progress';

export interface RateProgressBarOptions {
  /** Shown before the bar, e.g. `export`. */
  readonly label: string;
  /** What is counted, e.g. `events`; the rate is shown per second of it. */
  readonly unit: string;
  /** `--progress` draws even when stderr is not a terminal, `--no-progress` never; unset: only on a terminal. */
  readonly visible?: boolean;
}

/**
 * A progress bar on stderr: the share of the work done, the count of units with their rate since the
 * start, a detail line, and the time left at the recent pace. Stdout stays free for the command's output.
 */
export class RateProgressBar {
  private readonly bar: SingleBar | undefined;
  private readonly startedAt = performance.now();

  constructor({ label, unit, visible }: RateProgressBarOptions) {
    this.bar =
      visible === false
        ? undefined
        : new SingleBar(
            {
              format: `${label} |{bar}| {percentage}% | {count} ${unit} | {rate} ${unit}/s | {detail} | ETA {eta_formatted}`,
              hideCursor: true,
              etaBuffer: 2_000,
              fps: 5,
              noTTYOutput: visible === true,
            },
            Presets.shades_classic,
          );
  }

  /** `total` and the `value` given to update are in the same measure, which need not be the counted unit. */
  start(total: number): void {
    this.bar?.start(total, 0, { count: 0, rate: 0, detail: '' });
  }

  update(value: number, count: number, detail: string): void {
    this.bar?.update(value, { count, rate: Math.round(count / this.elapsedSeconds()), detail });
  }

  stop(): void {
    this.bar?.stop();
  }

  elapsedSeconds(): number {
    return Math.max((performance.now() - this.startedAt) / 1_000, 0.001);
  }
}
