import { Bar, Presets } from 'cli-progress';
import type { SeedProgress } from './demo-seeder';

/** Commands done of the total, with the rate since the start and the time left at that rate. */
export class SeedProgressBar {
  private readonly bar = new Bar(
    {
      format:
        'seed |{bar}| {percentage}% | {value}/{total} commands | {rate} commands/s | {appended} events | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 2_000,
      fps: 5,
    },
    Presets.shades_classic,
  );
  private readonly startedAt = performance.now();

  start(total: number): void {
    this.bar.start(total, 0, { rate: 0, appended: 0 });
  }

  update({ done, appended }: SeedProgress): void {
    this.bar.update(done, { rate: Math.round(done / this.elapsedSeconds()), appended });
  }

  stop(): void {
    this.bar.stop();
  }

  elapsedSeconds(): number {
    return Math.max((performance.now() - this.startedAt) / 1_000, 0.001);
  }
}
