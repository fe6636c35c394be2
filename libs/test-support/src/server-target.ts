import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';

export interface ServerContainer {
  readonly image: string;
  readonly port: number;
  /** Publish `port` on this fixed host port (servers that advertise their address, like Kafka); random when unset. */
  readonly hostPort?: number;
  readonly environment?: Record<string, string>;
  /** Ready when this HTTP path answers 2xx on `port`, or when the log prints this line. */
  readonly readyWhen: { readonly httpPath: string } | { readonly logLine: RegExp };
  connectionString(host: string, mappedPort: number): string;
}

export interface ServerTarget {
  /** Suite title, e.g. `eventstoredb`. */
  readonly name: string;
  /** Variable holding the connection string of a running server, e.g. `ESDB_URL`. */
  readonly envVar: string;
  /** What the suite is, for the SKIPPED line: `EventStoreDB contract suite`. */
  readonly suite: string;
  readonly container: ServerContainer;
}

/** A cheap, synchronous check: tests are registered synchronously and must not hang without Docker. */
export function dockerEngineConfigured(): boolean {
  if (process.env.DOCKER_HOST || process.env.TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE) return true;
  return ['/var/run/docker.sock', join(homedir(), '.docker', 'run', 'docker.sock')].some((socket) =>
    existsSync(socket),
  );
}

/**
 * Runs a production adapter's suite where its server is reachable (DESIGN §8): against `envVar` when set,
 * else in a testcontainers container when a Docker engine is configured, else prints one SKIPPED line.
 */
export function describeWhereServerReachable(
  target: ServerTarget,
  describeSuite: (connectionString: () => Promise<string>) => void,
): void {
  const url = process.env[target.envVar];
  if (url) {
    describeSuite(async () => url);
  } else if (dockerEngineConfigured()) {
    describe(`${target.name} via testcontainers`, () => {
      let started: Promise<StartedTestContainer> | undefined;
      jest.setTimeout(180_000);
      afterAll(async () => {
        if (started) await (await started).stop();
      });
      describeSuite(async () => {
        started ??= startContainer(target.container);
        const container = await started;
        return target.container.connectionString(
          container.getHost(),
          container.getMappedPort(target.container.port),
        );
      });
    });
  } else {
    console.log(`SKIPPED: ${target.suite} — ${target.envVar} is not set and no Docker engine is available`);
  }
}

async function startContainer(spec: ServerContainer): Promise<StartedTestContainer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const wait =
    'httpPath' in spec.readyWhen
      ? Wait.forHttp(spec.readyWhen.httpPath, spec.port)
      : Wait.forLogMessage(spec.readyWhen.logLine);
  return new GenericContainer(spec.image)
    .withEnvironment(spec.environment ?? {})
    .withExposedPorts(spec.hostPort === undefined ? spec.port : { container: spec.port, host: spec.hostPort })
    .withWaitStrategy(wait)
    .withStartupTimeout(120_000)
    .start();
}
