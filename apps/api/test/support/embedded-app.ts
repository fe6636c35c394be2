import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';

export interface RunningApp {
  readonly app: INestApplication;
  readonly baseUrl: string;
}

/** Boots the API in embedded mode on a fresh data directory for the enclosing describe block. */
export function useEmbeddedApp(): () => RunningApp {
  let running: RunningApp | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-api-'));
    process.env.CRM_DATA_DIR = dataDir;
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    app.enableShutdownHooks();
    await app.listen(0, '127.0.0.1');
    running = { app, baseUrl: await app.getUrl() };
  });

  afterAll(async () => {
    await running?.app.close();
    delete process.env.CRM_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  return () => {
    if (running === undefined) throw new Error('The embedded app did not start');
    return running;
  };
}
