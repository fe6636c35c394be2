import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { stopChild, waitUntilHealthy } from '../http/server-process';

const REPO_ROOT = join(__dirname, '..', '..');
/** Where `nest build api` writes the API's entry point (bench/http/server-process.ts builds it). */
const API_ENTRY = join('dist', 'apps', 'api', 'apps', 'api', 'src', 'main.js');

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
    await waitUntilHealthy(url, child, app);
  } catch (error) {
    log(`[${app}] ${output.trimEnd()}`);
    await stopChild(child);
    throw error;
  }
  return { name: app, url, stop: () => stopChild(child) };
}
