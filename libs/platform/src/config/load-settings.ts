import type { DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './validate-environment';

export interface LoadedSettings<T> {
  /** The global `ConfigModule` holding them: `ConfigService` answers with the validated, converted values. */
  readonly module: DynamicModule;
  readonly values: T;
}

/**
 * An app's settings through @nestjs/config: `ConfigModule.forRoot` validates the environment against
 * `schema` (class-validator rules and defaults), and a wrong or missing setting rejects with a
 * `ConfigurationError` naming it, before any adapter opens. Settings come from the environment only:
 * deployments inject them, and a stray `.env` file must not change what runs.
 */
export async function loadSettings<T extends object>(schema: new () => T): Promise<LoadedSettings<T>> {
  let values: T | undefined;
  const module = await ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    validate: (env) => (values = validateEnvironment(schema, env)),
  });
  if (values === undefined) throw new Error('ConfigModule.forRoot did not run the settings validation');
  return { module, values };
}
