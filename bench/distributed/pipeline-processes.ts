import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');
/** Where `nest build api` writes the API's entry point (bench/http/server-process.ts builds it). */
const API_ENTRY = join('dist', 'apps', 'api', 'apps', 'api', 'src', 'main.js');
const START_TIMEOUT_MS = 120_000;

export interface PipelineProcess {
  readonly name: string;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * One app of the pipeline in its own process, as production runs them: the built API (plain node, as
 * `npm start`), the relay and the projector from their sources (`node --import tsx`, as
 * test:distributed starts them). Its log goes to the bench's stderr only when it fails to start.
 */
export async function startPipelineProcess(
  app: 'api' | 'relay' | 'projector',
  port: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<PipelineProcess> {
  const args = app === 'api' ? [API_ENTRY] : ['--import', 'tsx', join('apps', app, 'src', 'main.ts')];
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' };
  delete childEnv.NODE_ENV;
  delete childEnv.CRM_MODE;
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(app, url, child);
  } catch (error) {
    log(`[${app}] ${output.trimEnd()}`);
    await stopChild(child);
    throw error;
  }
  return { name: app, url, stop: () => stopChild(child) };
}

async function waitUntilHealthy(app: string, url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const status = await fetch(`${url}/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (child.exitCode !== null)
      throw new Error(`the ${app} exited with code ${child.exitCode} during start-up`);
    if (Date.now() > deadline)
      throw new Error(`the ${app} did not answer GET /health within ${START_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGTERM, so each app drains as in production; SIGKILL after 15 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
