import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const logger = new ConsoleLogger({ json: true });
  const app = await NestFactory.create(AppModule, { logger });
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  logger.log(`CRM API listening on http://localhost:${port} (health: /health)`, 'Bootstrap');
}

void bootstrap();
