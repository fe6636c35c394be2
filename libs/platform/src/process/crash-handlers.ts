import { writeSync } from 'node:fs';

/** What the handlers need of a process; the real `process` by default, a fake in unit tests. */
export interface CrashHost {
  on(event: 'uncaughtException', listener: (error: unknown) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  readonly pid: number;
  exit(code: number): void;
}

export interface CrashHandlerOptions {
  readonly host?: CrashHost;
  /** Writes one line; default a synchronous write to stderr, so the line is out before the exit. */
  readonly write?: (line: string) => void;
  readonly now?: () => number;
}

/** The exit code of a crash (EX_SOFTWARE): anything but 0, so a supervisor restarts the app. */
export const CRASH_EXIT_CODE = 70;

const installed = new WeakSet<object>();

/**
 * Crash-only (docs/operations.md, "When an app crashes"): an exception nobody caught, or a promise rejected
 * with nobody to handle it, leaves the process in a state no code was written for (a subscription stalled
 * inside a client's stream, a half-applied batch in memory, a lock never released). Every app therefore
 * logs it as one JSON line on stderr (level `fatal`, the app, the event, the error with its stack) and exits
 * with {@link CRASH_EXIT_CODE} at once, without a graceful shutdown that would run on that state; its
 * supervisor (Docker's `restart:`, Kubernetes) starts it again, and it resumes from what it made durable:
 * checkpoints saved only after the work they cover, appends deduplicated by event id, documents fenced by
 * the position they applied. Installed first thing in each app's `main.ts`; installing twice is a no-op.
 */
export function installCrashHandlers(app: string, options: CrashHandlerOptions = {}): void {
  const host = options.host ?? (process as unknown as CrashHost);
  if (installed.has(host)) return;
  installed.add(host);
  const write = options.write ?? ((line: string) => writeSync(2, line));
  const now = options.now ?? Date.now;
  const crash = (event: 'uncaughtException' | 'unhandledRejection', thrown: unknown): void => {
    try {
      write(`${JSON.stringify(crashRecord(app, event, thrown, host.pid, now()))}\n`);
    } finally {
      host.exit(CRASH_EXIT_CODE);
    }
  };
  host.on('uncaughtException', (error) => crash('uncaughtException', error));
  host.on('unhandledRejection', (reason) => crash('unhandledRejection', reason));
}

/** The log line of a crash, in the shape of Nest's JSON logger (`level`, `pid`, `timestamp`, `message`, `context`). */
export function crashRecord(
  app: string,
  event: 'uncaughtException' | 'unhandledRejection',
  thrown: unknown,
  pid: number,
  timestamp: number,
): Record<string, unknown> {
  const error =
    thrown instanceof Error
      ? { name: thrown.name, message: thrown.message, ...(thrown.stack ? { stack: thrown.stack } : {}) }
      : { value: safeString(thrown) };
  const what = thrown instanceof Error ? thrown.message : safeString(thrown);
  return {
    level: 'fatal',
    pid,
    timestamp,
    context: 'Process',
    message: `${event === 'uncaughtException' ? 'uncaught exception' : 'unhandled rejection'}: ${what}; exiting`,
    app,
    event,
    error,
    exitCode: CRASH_EXIT_CODE,
  };
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
