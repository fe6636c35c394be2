import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CRASH_EXIT_CODE } from '../src/process/crash-handlers';

const ROOT = join(__dirname, '../../..');
const PROBE = join(__dirname, 'support/crash-probe.ts');

interface Crash {
  readonly code: number | null;
  readonly lastLine: Record<string, unknown> | undefined;
}

/** Runs an app's real `main.ts` under the probe; how it ended and its last stderr line. */
function crashOf(main: string, args: readonly string[], dataDir: string, probe: string): Promise<Crash> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, join(ROOT, main), ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      CRM_MODE: 'embedded',
      CRM_DATA_DIR: dataDir,
      PORT: '0',
      NODE_ENV: 'development',
      CRASH_PROBE: probe,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      let lastLine: Record<string, unknown> | undefined;
      try {
        lastLine = JSON.parse(last) as Record<string, unknown>;
      } catch {
        lastLine = undefined;
      }
      resolve({ code, lastLine });
    });
  });
}

const RUNS = [
  { app: 'api', main: 'apps/api/src/main.ts', args: [], probe: 'emit', event: 'unhandledRejection' },
  { app: 'relay', main: 'apps/relay/src/main.ts', args: [], probe: 'emit', event: 'unhandledRejection' },
  {
    app: 'projector',
    main: 'apps/projector/src/main.ts',
    args: [],
    probe: 'emit',
    event: 'unhandledRejection',
  },
  {
    app: 'cli',
    main: 'apps/cli/src/main.ts',
    args: ['projections', '--sample', '60000'],
    probe: 'emit',
    event: 'unhandledRejection',
  },
  { app: 'relay', main: 'apps/relay/src/main.ts', args: [], probe: 'reject', event: 'unhandledRejection' },
  { app: 'relay', main: 'apps/relay/src/main.ts', args: [], probe: 'throw', event: 'uncaughtException' },
] as const;

describe('every app logs an error nobody handled as one JSON line and exits non-zero (real processes)', () => {
  let dataDir: string;
  let crashes: Promise<Crash[]>;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
    crashes = Promise.all(
      RUNS.map((run, i) => crashOf(run.main, run.args, join(dataDir, `${run.app}-${i}`), run.probe)),
    );
  });
  afterAll(async () => {
    await crashes;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(RUNS.map((run, i) => [run.app, run.probe, i] as const))(
    '%s (%s)',
    async (app, _probe, i) => {
      const crash = (await crashes)[i]!;

      expect(crash.code).toBe(CRASH_EXIT_CODE);
      expect(crash.lastLine).toMatchObject({
        level: 'fatal',
        app,
        event: RUNS[i]!.event,
        error: { message: `crash probe: ${RUNS[i]!.event}` },
      });
    },
    90_000,
  );
});
