import { ConsoleLogger, type INestApplicationContext, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ProjectionHosting } from '@crm/projection-runtime';
import { ApiEnvironment, loadSettings, PROJECTION_HOST } from '@crm/platform';
import { AppModule } from '../../api/src/app.module';

/** Logs as JSON lines on stderr, so that stdout carries only the command's result. */
export class StderrLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}

/** In embedded mode, waits until the in-process projections have applied everything already appended. */
export async function projectionsCaughtUp(app: INestApplicationContext): Promise<void> {
  const host = app.get<ProjectionHosting | undefined>(PROJECTION_HOST, { strict: false });
  while (host !== undefined && (await host.statuses()).some((status) => status.lagEvents !== 0)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Boots the API's modules without HTTP, runs `work` on up-to-date read models, and closes. The API's own
 * schedule stays off: a one-shot command must not also start the daily review or act on events as an automation rule.
 */
export async function withApiContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  process.env.TIER_REVIEW_ENABLED = 'false';
  process.env.AUTOMATION_ENABLED = 'false';
  const logger = new StderrLogger({ json: true, logLevels: ['error', 'warn'] });
  const app = await NestFactory.createApplicationContext(
    AppModule.register(await loadSettings(ApiEnvironment)),
    {
      logger,
    },
  );
  try {
    await projectionsCaughtUp(app);
    return await work(app);
  } finally {
    await app.close();
  }
}
