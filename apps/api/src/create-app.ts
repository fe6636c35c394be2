import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiEnvironment, loadSettings } from '@crm/platform';
import { AppModule } from './app.module';
import { FailedAuthentications, throttleFailedAuthentications } from './auth/failed-authentications';
import { readAuthFailureLimit } from './auth/rate-limit';
import { commandResponseHeaders } from './commands/command-response-headers';
import { AllErrorsFilter } from './http/all-errors.filter';
import { errorResponse } from './http/error-response';
import { invalidField } from './http/validation.pipe';
import { useJsonBodyParser } from './http/json-body-parser';
import { securityHeaders } from './http/security-headers';
import { requestValidationPipe } from './http/validation.pipe';
import { memoizeValidationMetadata } from './http/validation-metadata-cache';
import { type ApiMetrics, METRICS } from './metrics/metrics';

export interface CreateAppOptions {
  readonly logger: LoggerService | false;
  /** Largest accepted request body in bytes. */
  readonly bodyLimit?: number;
}

/** The API as it runs in production and in the e2e tests: Fastify, validation, one error shape, /docs. */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    // Fastify refuses a URL it cannot decode (bad percent-encoding) before any route runs: same error shape.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const { body, headers } = errorResponse(
        error.statusCode === 400 ? invalidField('path', 'is not a valid URL: bad percent-encoding') : error,
      );
      void reply.code(body.statusCode).headers(headers).send(body);
    },
  });
  const settings = await loadSettings(ApiEnvironment);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(settings), adapter, {
    logger: options.logger,
    bufferLogs: options.logger !== false,
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  throttleFailedAuthentications(fastify, new FailedAuthentications(readAuthFailureLimit(process.env)));
  securityHeaders(fastify);
  const metrics = app.get<ApiMetrics>(METRICS);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1_000,
    );
    done();
  });
  commandResponseHeaders(fastify);
  useJsonBodyParser(app);
  memoizeValidationMetadata();
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new AllErrorsFilter());
  app.enableShutdownHooks();
  const description = new DocumentBuilder()
    .setTitle('CRM API')
    .setDescription('Event-sourced CRM: commands append customer events; queries read the projections.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, description));
  return app;
}
