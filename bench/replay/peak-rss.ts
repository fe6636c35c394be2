const SAMPLE_EVERY_MS = 100;

/**
 * Samples the process's RSS every 100 ms. A catch-up loop of already-resolved promises can starve the
 * timer for its whole run, so callers also `sample()` after each batch; `process.resourceUsage().maxRSS`
 * (kilobytes) is the kernel's exact high-water mark and the figure reported as peak.
 */
export class PeakRss {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  stop(): { sampledPeakBytes: number; maxRssBytes: number } {
    clearInterval(this.timer);
    this.sample();
    return { sampledPeakBytes: this.peak, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  }
}
