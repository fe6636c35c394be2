import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');
/** Where `nest build api` (`npm run build`, also run by `npm start`) writes the API's entry point. */
const API_ENTRY = join('dist', 'apps', 'api', 'apps', 'api', 'src', 'main.js');
const BARE_ENTRY = join(__dirname, 'bare-server.ts');
const NEST_FLOOR_ENTRY = join(__dirname, 'nest-floor-server.ts');
const START_TIMEOUT_MS = 120_000;

export interface ServerOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly jwtSecret: string;
  readonly cpuProfileDir?: string;
}

/** The real API in its own process, so the load generator does not share its event loop. */
export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

function serverEnv(options: ServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CRM_DATA_DIR: options.dataDir,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    JWT_SECRET: options.jwtSecret,
    RATE_LIMIT_PER_SECOND: '1000000',
  };
  delete env.NODE_ENV;
  delete env.CRM_MODE;
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * The API as `npm start` runs it: compiled by `nest build api`, then plain node. Not ts-node: its
 * `register` loads Node's REPL and with it the `domain` module, which makes every EventEmitter slower.
 */
export function buildApi(): void {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error(`npm run build exited with ${build.status ?? build.signal}`);
}

/** The V8 flag `npm start`, the Dockerfile and docker-compose.yml start the API with (ADR 0034). */
const API_NODE_FLAGS = ['--max-semi-space-size=64'];

function serverArgs(options: ServerOptions): string[] {
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  return [...API_NODE_FLAGS, ...profile, API_ENTRY];
}

function spawnServer(options: ServerOptions, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, serverArgs(options), {
    cwd: REPO_ROOT,
    env: serverEnv(options),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log(`[server] ${chunk.trimEnd()}`));
  return child;
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`)).status === 200;
  } catch {
    return false;
  }
}

/** Polls `GET /health` until it answers 200; fails if the process exits first or after the start timeout. */
export async function waitUntilHealthy(url: string, child: ChildProcess, app = 'API'): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await healthy(url))) {
    if (child.exitCode !== null)
      throw new Error(`the ${app} exited with code ${child.exitCode} during start-up`);
    if (Date.now() > deadline)
      throw new Error(`the ${app} did not answer GET /health within ${START_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGTERM, so the app drains as in production; SIGKILL after 15 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export async function startServer(
  options: ServerOptions,
  log: (line: string) => void,
): Promise<RunningServer> {
  const child = spawnServer(options, log);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilHealthy(url, child);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, pid: child.pid ?? -1, stop: () => stopChild(child) };
}

/** Bare Fastify (`bare-server.ts`) in its own process: the ceiling the API's figures are divided by. */
export const startBareServer = (port: number, log: (line: string) => void): Promise<RunningServer> =>
  startReferenceServer(BARE_ENTRY, 'bare', port, log);

/** The framework floor (`nest-floor-server.ts`) in its own process: Nest, validation and the CQRS buses alone. */
export const startNestFloorServer = (port: number, log: (line: string) => void): Promise<RunningServer> =>
  startReferenceServer(NEST_FLOOR_ENTRY, 'floor', port, log);

async function startReferenceServer(
  entry: string,
  name: string,
  port: number,
  log: (line: string) => void,
): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => log(`[${name}] ${chunk.trimEnd()}`));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, `${name} server`);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, pid: child.pid ?? -1, stop: () => stopChild(child) };
}
