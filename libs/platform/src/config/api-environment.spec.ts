// First: it loads reflect-metadata, which the settings' decorators need.
import { ConfigurationError, validateEnvironment } from './validate-environment';
import { ApiEnvironment } from './api-environment';

function refusal(env: Record<string, string>): ConfigurationError {
  try {
    validateEnvironment(ApiEnvironment, env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('the API settings', () => {
  it('listens on 3000, caches the state of 10,000 streams and snapshots every 20 events when nothing is set', () => {
    expect(validateEnvironment(ApiEnvironment, {})).toMatchObject({
      PORT: 3000,
      COMMAND_STATE_CACHE_SIZE: 10_000,
      COMMAND_SNAPSHOT_EVERY: 20,
      OCCURRED_AT_TOLERANCE_SECONDS: 300,
    });
  });

  it('reads how often a snapshot is written, 0 turning snapshots off, and refuses a negative one', () => {
    expect(
      validateEnvironment(ApiEnvironment, { COMMAND_SNAPSHOT_EVERY: '500' }).COMMAND_SNAPSHOT_EVERY,
    ).toBe(500);
    expect(validateEnvironment(ApiEnvironment, { COMMAND_SNAPSHOT_EVERY: '0' }).COMMAND_SNAPSHOT_EVERY).toBe(
      0,
    );
    expect(refusal({ COMMAND_SNAPSHOT_EVERY: '-1' }).settings).toEqual(['COMMAND_SNAPSHOT_EVERY']);
  });

  it('reads the occurredAt tolerance in seconds and refuses a negative one', () => {
    expect(
      validateEnvironment(ApiEnvironment, { OCCURRED_AT_TOLERANCE_SECONDS: '60' })
        .OCCURRED_AT_TOLERANCE_SECONDS,
    ).toBe(60);
    expect(refusal({ OCCURRED_AT_TOLERANCE_SECONDS: '-1' }).settings).toEqual([
      'OCCURRED_AT_TOLERANCE_SECONDS',
    ]);
  });

  it('reads the stream state cache size, 0 turning it off', () => {
    expect(
      validateEnvironment(ApiEnvironment, { COMMAND_STATE_CACHE_SIZE: '250' }).COMMAND_STATE_CACHE_SIZE,
    ).toBe(250);
    expect(
      validateEnvironment(ApiEnvironment, { COMMAND_STATE_CACHE_SIZE: '0' }).COMMAND_STATE_CACHE_SIZE,
    ).toBe(0);
  });

  it.each([['-1'], ['1.5'], ['many']])('refuses COMMAND_STATE_CACHE_SIZE=%s and names it', (value) => {
    const error = refusal({ COMMAND_STATE_CACHE_SIZE: value });
    expect(error.settings).toEqual(['COMMAND_STATE_CACHE_SIZE']);
    expect(error.message).toContain('COMMAND_STATE_CACHE_SIZE');
  });

  it('refuses a PORT out of range', () => {
    expect(refusal({ PORT: '70000' }).settings).toEqual(['PORT']);
  });
});
