import { EventEmitter } from 'node:events';
import { CRASH_EXIT_CODE, type CrashHost, installCrashHandlers } from './crash-handlers';

class FakeProcess extends EventEmitter implements CrashHost {
  readonly pid = 4242;
  readonly exits: number[] = [];

  exit(code: number): void {
    this.exits.push(code);
  }
}

function installed(): { host: FakeProcess; lines: Record<string, unknown>[] } {
  const host = new FakeProcess();
  const lines: Record<string, unknown>[] = [];
  installCrashHandlers('relay', {
    host,
    write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    now: () => 1_767_225_600_000,
  });
  return { host, lines };
}

describe('installCrashHandlers', () => {
  it('logs an unhandled rejection as one JSON line and exits non-zero', () => {
    const { host, lines } = installed();
    const error = new Error('checkpoint callback threw');

    host.emit('unhandledRejection', error, Promise.resolve());

    expect(host.exits).toEqual([CRASH_EXIT_CODE]);
    expect(CRASH_EXIT_CODE).not.toBe(0);
    expect(lines).toEqual([
      {
        level: 'fatal',
        pid: 4242,
        timestamp: 1_767_225_600_000,
        context: 'Process',
        message: 'unhandled rejection: checkpoint callback threw; exiting',
        app: 'relay',
        event: 'unhandledRejection',
        error: { name: 'Error', message: 'checkpoint callback threw', stack: error.stack },
        exitCode: CRASH_EXIT_CODE,
      },
    ]);
  });

  it('logs an uncaught exception, and a thrown value that is not an Error, the same way', () => {
    const { host, lines } = installed();

    host.emit('uncaughtException', { code: 'EPIPE' });

    expect(host.exits).toEqual([CRASH_EXIT_CODE]);
    expect(lines[0]).toMatchObject({
      level: 'fatal',
      event: 'uncaughtException',
      message: 'uncaught exception: {"code":"EPIPE"}; exiting',
      error: { value: '{"code":"EPIPE"}' },
    });
  });

  it('exits even when the log line cannot be written', () => {
    const host = new FakeProcess();
    installCrashHandlers('api', {
      host,
      write: () => {
        throw new Error('stderr closed');
      },
    });

    expect(() => host.emit('uncaughtException', new Error('boom'))).toThrow('stderr closed');
    expect(host.exits).toEqual([CRASH_EXIT_CODE]);
  });

  it('installs once per process', () => {
    const host = new FakeProcess();
    installCrashHandlers('api', { host, write: () => undefined });
    installCrashHandlers('api', { host, write: () => undefined });

    expect(host.listenerCount('unhandledRejection')).toBe(1);
    expect(host.listenerCount('uncaughtException')).toBe(1);
  });
});
