import type { PhaseMessage, PhaseRequest, PhaseResult } from './phase-protocol';
import { rawRead } from './raw-read';
import { rebuildCustomer360 } from './rebuild';

const PROGRESS_EVERY_MS = 250;

/** Entry point of a measured phase's child process: one phase, its result sent up the IPC channel. */
async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '') as PhaseRequest;
  let lastProgress = 0;
  const progress = (events: number): void => {
    const now = Date.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    send({ kind: 'progress', events });
  };
  const result: PhaseResult =
    request.phase === 'raw-read'
      ? await rawRead(request, progress)
      : await rebuildCustomer360(request, progress);
  send({ kind: 'result', result });
}

function send(message: PhaseMessage): void {
  process.send?.(message);
}

main().then(
  () => process.disconnect?.(),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
    process.disconnect?.();
  },
);
