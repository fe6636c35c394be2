import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/auth/role';
import { TokenIssuer } from '../../src/auth/token-issuer';
import { createApp } from '../../src/create-app';

export interface RunningApp {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  /** A bearer token for a caller with these roles. */
  readonly token: (roles: Role | Role[], subject?: string) => string;
}

/** Boots the API in embedded mode on a fresh data directory for the enclosing describe block. */
export function useEmbeddedApp(env: Record<string, string> = {}): () => RunningApp {
  let running: RunningApp | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-api-'));
    // The daily tier review and the automation rules stay off unless a test turns them on: a tick or a
    // rule's command must never land in the middle of another test's expectations.
    // Suites such as the role matrix send many tokenless requests on purpose; the failed-authentication
    // throttle has its own test (hardening.e2e.spec.ts).
    Object.assign(process.env, {
      CRM_DATA_DIR: dataDir,
      TIER_REVIEW_ENABLED: 'false',
      AUTOMATION_ENABLED: 'false',
      AUTH_FAILURES_PER_MINUTE: '100000',
      ...env,
    });
    running = await startEmbeddedApp();
  });

  afterAll(async () => {
    await running?.app.close();
    delete process.env.CRM_DATA_DIR;
    delete process.env.TIER_REVIEW_ENABLED;
    delete process.env.AUTOMATION_ENABLED;
    delete process.env.AUTH_FAILURES_PER_MINUTE;
    for (const key of Object.keys(env)) delete process.env[key];
    rmSync(dataDir, { recursive: true, force: true });
  });

  return () => {
    if (running === undefined) throw new Error('The embedded app did not start');
    return running;
  };
}

/** Starts the API on the environment as it is (CRM_DATA_DIR set by the caller); close it with `app.close()`. */
export async function startEmbeddedApp(): Promise<RunningApp> {
  const app = await createApp({ logger: false });
  await app.listen(0, '127.0.0.1');
  const tokens = app.get(TokenIssuer);
  return {
    app,
    baseUrl: await app.getUrl(),
    token: (roles, subject) => {
      const list = Array.isArray(roles) ? roles : [roles];
      return tokens.sign({
        subject: subject ?? `test-${list.join('-')}`,
        roles: list,
        service: 'e2e-tests',
      });
    },
  };
}
