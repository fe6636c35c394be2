import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Role } from '../../src/auth/role';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/api/src/main.ts');

export interface ApiProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** The development tokens the process printed at start-up, by role. */
  readonly tokens: Readonly<Record<Role, string>>;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `apps/api/src/main.ts` as its own process, as `npm start` would run it (TypeScript compiled on the
 * fly, decorator metadata included), and resolves once it answers /health with its development tokens.
 */
export async function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      TIER_REVIEW_ENABLED: 'false',
      AUTOMATION_ENABLED: 'false',
      ...env,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  let stopped = false;
  void exited.then(() => (stopped = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (stopped) throw new Error(`the API process exited while starting:\n${output}`);
    const tokens = tokensIn(output);
    const up = await fetch(`${baseUrl}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up && tokens !== undefined) return { child, baseUrl, tokens, output: () => output, exited };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API process did not start in time:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

function tokensIn(output: string): Record<Role, string> | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('"tokens"')) continue;
    try {
      const parsed = JSON.parse(line) as { message?: { tokens?: Record<Role, string> } };
      if (parsed.message?.tokens !== undefined) return parsed.message.tokens;
    } catch {
      // not a complete JSON line yet
    }
  }
  return undefined;
}
