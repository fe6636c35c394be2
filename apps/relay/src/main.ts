import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  describeTopology,
  installCrashHandlers,
  loadSettings,
  RelayEnvironment,
  resolveTopology,
} from '@crm/platform';
import { RelayModule } from './relay.module';

// Crash-only: an error nobody handled is logged as JSON and ends the process (docs/operations.md).
installCrashHandlers('relay');

const logger = new ConsoleLogger({ json: true });

async function bootstrap(): Promise<void> {
  const settings = await loadSettings(RelayEnvironment);
  const env = settings.values;
  const app = await NestFactory.create<NestFastifyApplication>(
    RelayModule.register(settings),
    new FastifyAdapter(),
    {
      logger,
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.enableShutdownHooks();
  const port = env.PORT ?? 3001;
  await app.listen(port, process.env.HOST ?? '0.0.0.0');
  logger.log(
    `CRM relay (${describeTopology(resolveTopology(env))}) on :${port}: /health, /metrics`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error), 'Bootstrap');
  process.exit(1);
});
