import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT } from './pipeline';

export interface AppExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface AppProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<AppExit>;
}

/** Starts an app's main.ts as `node` would run it, capturing its (JSON) log lines. */
export function startApp(main: string, env: NodeJS.ProcessEnv): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<AppExit>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, output: () => output, exited };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** GETs `path` until it answers 200 and `accept` holds; the app may still be starting. */
export async function poll(port: number, path: string, accept: (body: string) => boolean): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const body = await fetch(`http://127.0.0.1:${port}${path}`)
      .then((response) => (response.ok ? response.text() : undefined))
      .catch(() => undefined);
    if (body !== undefined && accept(body)) return body;
    if (Date.now() > deadline) throw new Error(`${path} on :${port} did not answer as expected`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
