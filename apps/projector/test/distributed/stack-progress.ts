import { getJson, type RunningApp } from './stack-processes';

interface ApiHealth {
  readonly eventStore: { readonly headPosition: number };
}
interface RelayHealth {
  readonly relay: { readonly position: number };
}
interface ProjectorHealth {
  readonly projections: ReadonlyArray<{ readonly name: string; readonly lagMessages: number }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const apiHead = async (api: RunningApp): Promise<number> =>
  (await getJson<ApiHealth>(api.port, '/health')).eventStore.headPosition;

export const relayPosition = async (relay: RunningApp): Promise<number> =>
  (await getJson<RelayHealth>(relay.port, '/health')).relay.position;

/** Messages every projection's consumer group has yet to read. */
export const projectorLag = async (projector: RunningApp): Promise<number> =>
  (await getJson<ProjectorHealth>(projector.port, '/health')).projections.reduce(
    (sum, projection) => sum + projection.lagMessages,
    0,
  );

/** Waits until the relay published the API's whole log and every group committed everything it read. */
export async function waitUntilCaughtUp(
  api: RunningApp,
  relay: RunningApp,
  projector: RunningApp,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = await apiHead(api);
    const [published, lag] = await Promise.all([
      relayPosition(relay).catch(() => -1),
      projectorLag(projector).catch(() => -1),
    ]);
    if (published === head && lag === 0) return;
    if (Date.now() > deadline)
      throw new Error(`not caught up: head ${head}, relay at ${published}, projector lag ${lag}`);
    await sleep(250);
  }
}

/** Waits until `probe` answers a number at or above `target` (an app restarting answers nothing for a while). */
export async function waitUntilAtLeast(probe: () => Promise<number>, target: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await probe().catch(() => -1)) < target) {
    if (Date.now() > deadline) throw new Error(`did not reach ${target} in ${timeoutMs} ms`);
    await sleep(50);
  }
}
