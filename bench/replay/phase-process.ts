import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { PhaseMessage, PhaseRequest, PhaseResult } from './phase-protocol';

const CHILD = join(__dirname, 'phase-child.ts');

/**
 * Runs one measured phase in a fresh Node process (through tsx), so that its peak RSS is its own; with
 * `cpuProfileDir` the child also writes a V8 CPU profile there.
 */
export function runPhase(
  request: PhaseRequest,
  onProgress: (events: number) => void,
  cpuProfileDir?: string,
): Promise<PhaseResult> {
  const profiling = cpuProfileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir];
  const child = fork(CHILD, [JSON.stringify(request)], {
    execArgv: ['--import', 'tsx', ...profiling],
    // The child's stdout goes to our stderr: stdout is the report.
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  return new Promise<PhaseResult>((resolve, reject) => {
    let result: PhaseResult | undefined;
    child.on('message', (message: PhaseMessage) => {
      if (message.kind === 'progress') onProgress(message.events);
      else result = message.result;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result !== undefined && code === 0) resolve(result);
      else reject(new Error(`${request.phase} phase exited with ${signal ?? `code ${String(code)}`}`));
    });
  });
}
