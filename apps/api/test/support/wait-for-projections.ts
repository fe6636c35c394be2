import type { HealthReport } from '../../src/health/health.controller';
import type { RunningApp } from './embedded-app';

/** Polls GET /health until every projection has applied the event store's head as it was when called. */
export async function waitForProjections(running: RunningApp, timeoutMs = 10_000): Promise<void> {
  const first = await health(running);
  const head = first.eventStore.headPosition;
  const deadline = Date.now() + timeoutMs;
  for (let report = first; !caughtUp(report, head); report = await health(running)) {
    if (Date.now() > deadline)
      throw new Error(`projections did not reach position ${head} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const caughtUp = (report: HealthReport, head: number): boolean =>
  (report.projections ?? []).every((projection) => projection.position >= head);

async function health({ baseUrl }: RunningApp): Promise<HealthReport> {
  return (await (await fetch(`${baseUrl}/health`)).json()) as HealthReport;
}
