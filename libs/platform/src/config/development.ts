/**
 * Development is `NODE_ENV` unset (or empty) or exactly `development`; any other value (`production`,
 * `Production`, `prod`, `staging`, `test`...) is production: secrets must be configured, none is generated,
 * and no development token is printed.
 */
export const isDevelopment = (env: NodeJS.ProcessEnv): boolean =>
  env.NODE_ENV === undefined || env.NODE_ENV === '' || env.NODE_ENV === 'development';
