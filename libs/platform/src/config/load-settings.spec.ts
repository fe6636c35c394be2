import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { loadSettings } from './load-settings';
import { RelayEnvironment } from './relay-environment';
import { ConfigurationError } from './validate-environment';

describe('loadSettings (@nestjs/config with validation)', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  it('serves the validated, converted settings through ConfigService', async () => {
    process.env.RELAY_BATCH_SIZE = '250';
    process.env.BUS_PARTITIONS = '12';

    const settings = await loadSettings(RelayEnvironment);
    const app = await Test.createTestingModule({ imports: [settings.module] }).compile();
    const config = app.get(ConfigService);

    expect(settings.values).toMatchObject({
      RELAY_BATCH_SIZE: 250,
      BUS_PARTITIONS: 12,
      CRM_MODE: 'embedded',
    });
    expect(config.get('RELAY_BATCH_SIZE')).toBe(250);
    expect(config.get('BUS_TOPIC')).toBe('crm.customer-events');
    await app.close();
  });

  it('refuses to start on a wrong or missing setting, naming each one', async () => {
    process.env.CRM_MODE = 'distributed';
    process.env.ESDB_URL = 'esdb://eventstoredb:2113?tls=false';
    process.env.RELAY_BATCH_SIZE = 'many';
    delete process.env.MONGO_URL;
    delete process.env.KAFKA_BROKERS;

    const refused = loadSettings(RelayEnvironment);

    await expect(refused).rejects.toBeInstanceOf(ConfigurationError);
    await expect(refused).rejects.toMatchObject({
      settings: expect.arrayContaining(['MONGO_URL', 'KAFKA_BROKERS', 'RELAY_BATCH_SIZE']),
      message: expect.stringMatching(/MONGO_URL is required.*KAFKA_BROKERS is required/s),
    });
  });
});
