interface ProjectionStatus {
  readonly name: string;
  /** The collection it writes, whose name its checkpoint bears. */
  readonly collection: string;
  readonly position: number;
}

/** The parts of GET /health (apps/api/src/health/health.controller.ts) the bench reads. */
export interface Health {
  readonly eventStore: { readonly headPosition: number };
  readonly projections?: readonly ProjectionStatus[];
}

export async function health(url: string): Promise<Health> {
  const response = await fetch(`${url}/health`);
  if (response.status !== 200) throw new Error(`GET /health answered ${response.status}`);
  return (await response.json()) as Health;
}

function caughtUp(report: Health): boolean {
  const head = report.eventStore.headPosition;
  return (report.projections ?? []).every((p) => p.position >= head);
}

/** Resolves with the health report once every projection has reached the head of the log. */
export async function waitForProjections(url: string, timeoutMs: number): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await health(url);
    if (caughtUp(report)) return report;
    if (Date.now() > deadline) {
      const behind = (report.projections ?? []).map((p) => `${p.name} ${p.position}`).join(', ');
      throw new Error(`projections still behind head ${report.eventStore.headPosition}: ${behind}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
