/**
 * Loaded with `--import` before an app's `main.ts`. As soon as `installCrashHandlers` (and nothing else)
 * adds its `unhandledRejection` listener, the probe brings about what `CRASH_PROBE` names:
 *
 * - `emit` (default): Node's `unhandledRejection` event, emitted at once, before the app's bootstrap runs
 *   (an app whose bootstrap fails within one microtask drain would otherwise exit first);
 * - `reject`: a promise rejected with nobody to handle it;
 * - `throw`: an exception thrown from a timer callback.
 *
 * An app that never installs the handlers meets a rejection after 10 s, and Node's default then ends it
 * without the JSON line.
 */
const mode = process.env.CRASH_PROBE ?? 'emit';
let fired = false;

const fire = (): void => {
  if (fired) return;
  fired = true;
  if (mode === 'emit') {
    const rejected = Promise.reject(new Error('crash probe: unhandledRejection'));
    rejected.catch(() => undefined);
    process.emit('unhandledRejection', new Error('crash probe: unhandledRejection'), rejected);
  } else if (mode === 'throw') {
    setImmediate(() => {
      throw new Error('crash probe: uncaughtException');
    });
  } else {
    void Promise.reject(new Error('crash probe: unhandledRejection'));
  }
};

const on = process.on.bind(process);
process.on = ((event: string | symbol, listener: (...args: unknown[]) => void) => {
  const result = on(event, listener);
  if (event === 'unhandledRejection' && new Error().stack?.includes('crash-handlers')) fire();
  return result;
}) as typeof process.on;

setTimeout(() => {
  fired = false;
  void Promise.reject(new Error('crash probe: the app installed no handler'));
}, 10_000).unref();
