// Jest sets NODE_ENV=test. The apps treat every NODE_ENV but unset or `development` as production (no generated
// secrets, no development tokens: docs/api.md), so the suites run them as in development; a test of production
// start-up sets NODE_ENV itself.
if (process.env.NODE_ENV === 'test') process.env.NODE_ENV = 'development';
