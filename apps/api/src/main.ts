import { ConsoleLogger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type ApiEnvironment, describeTopology, installCrashHandlers, resolveTopology } from '@crm/platform';
import { AUTH_CONFIG, type AuthConfig } from './auth/auth-config';
import { TokenIssuer } from './auth/token-issuer';
import { createApp } from './create-app';
import { listeningUrl } from './listening-url';

// Crash-only: an error nobody handled is logged as JSON and ends the process (docs/operations.md).
installCrashHandlers('api');

const logger = new ConsoleLogger({ json: true });

async function bootstrap(): Promise<void> {
  const app = await createApp({ logger });
  const config = app.get<ConfigService<ApiEnvironment, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen(port, host);
  const url = listeningUrl(host, port);
  logger.log(
    `CRM API (${describeTopology(resolveTopology(process.env))}) listening on ${url}; OpenAPI at ${url}/docs`,
    'Bootstrap',
  );
  if (app.get<AuthConfig>(AUTH_CONFIG).development) {
    const tokens = app.get(TokenIssuer).developmentTokens();
    logger.log({ message: 'development bearer tokens (valid 30 days)', tokens }, 'Bootstrap');
  }
}

bootstrap().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error), 'Bootstrap');
  process.exit(1);
});
