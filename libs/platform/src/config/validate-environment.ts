import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Start-up refuses a wrong or missing setting; the message names each one (values are not echoed: secrets). */
export class ConfigurationError extends Error {
  constructor(
    readonly settings: readonly string[],
    problems: readonly string[],
  ) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** A schema whose settings are valid one by one may still combine into something that cannot work. */
interface CombinationRules {
  combinationProblems(): readonly { readonly settings: readonly string[]; readonly message: string }[];
}

const hasCombinationRules = (config: object): config is CombinationRules =>
  typeof (config as Partial<CombinationRules>).combinationProblems === 'function';

const problemsOf = (error: ValidationError): string[] => Object.values(error.constraints ?? {});

/**
 * Reads `env` into `schema`, a class whose fields are the settings with their defaults and class-validator
 * rules; numbers are converted from their text. Used as @nestjs/config's `validate` and by the apps' mains.
 */
export function validateEnvironment<T extends object>(schema: new () => T, env: Record<string, unknown>): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
  const config = plainToInstance(schema, defined, { enableImplicitConversion: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((error) => error.property),
      errors.flatMap(problemsOf),
    );
  }
  const combinations = hasCombinationRules(config) ? config.combinationProblems() : [];
  if (combinations.length > 0) {
    throw new ConfigurationError(
      [...new Set(combinations.flatMap((problem) => problem.settings))],
      combinations.map((problem) => problem.message),
    );
  }
  return config;
}
