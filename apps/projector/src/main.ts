import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  describeTopology,
  installCrashHandlers,
  loadSettings,
  ProjectorEnvironment,
  resolveTopology,
} from '@crm/platform';
import { ProjectorModule } from './projector.module';

// Crash-only: an error nobody handled is logged as JSON and ends the process (docs/operations.md).
installCrashHandlers('projector');

const logger = new ConsoleLogger({ json: true });

async function bootstrap(): Promise<void> {
  const settings = await loadSettings(ProjectorEnvironment);
  const env = settings.values;
  const app = await NestFactory.create<NestFastifyApplication>(
    ProjectorModule.register(settings),
    new FastifyAdapter(),
    { logger, bufferLogs: true, abortOnError: false },
  );
  app.enableShutdownHooks();
  const port = env.PORT ?? 3002;
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  logger.log(
    `CRM projector (${describeTopology(resolveTopology(env))}) on :${port}: /health, /metrics`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error), 'Bootstrap');
  process.exit(1);
});
