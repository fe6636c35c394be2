/** The conventional exit code of a command stopped by SIGINT (128 + 2). */
export const INTERRUPTED_EXIT_CODE = 130;

/**
 * Runs `work` with a signal that the first Ctrl-C aborts, so that a long command stops after its
 * current batch and prints where it got to. The handler is removed after one use: a second Ctrl-C
 * gets Node's default and ends the process at once.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (): void => {
    process.stderr.write('\nstopping after the current batch (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
  }
}
