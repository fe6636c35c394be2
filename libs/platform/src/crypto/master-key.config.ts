import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDevelopment } from '../config/development';
import { preparePrivateDirectory } from '../storage/private-files';
import { KEY_BYTES } from './aes-gcm';
import { MasterKeyRing, masterKeyOf } from './master-key-ring';

/**
 * The master key ring from configuration: `CRM_MASTER_KEY` (base64 of 32 random bytes) wraps new data
 * keys; `CRM_PREVIOUS_MASTER_KEYS` (comma-separated, same form) only unwraps keys not yet rewrapped after a
 * rotation. In development (NODE_ENV unset or `development`) a missing key is generated once under the data
 * directory (like the dev JWT secret); any other NODE_ENV is production, which refuses to start without one.
 */
export function readMasterKeyRing(env: NodeJS.ProcessEnv): MasterKeyRing {
  const previous = (env.CRM_PREVIOUS_MASTER_KEYS ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map((value) => masterKeyOf(decodeKey('CRM_PREVIOUS_MASTER_KEYS', value)));
  const configured = env.CRM_MASTER_KEY;
  if (configured !== undefined && configured !== '') {
    return new MasterKeyRing(masterKeyOf(decodeKey('CRM_MASTER_KEY', configured)), previous);
  }
  if (!isDevelopment(env)) {
    throw new Error(
      `CRM_MASTER_KEY is not set: with NODE_ENV=${env.NODE_ENV} (anything but development is production) ` +
        'personal data needs a configured master key (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)',
    );
  }
  return new MasterKeyRing(masterKeyOf(developmentKey(env.CRM_DATA_DIR ?? 'data')), previous);
}

function decodeKey(variable: string, value: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${variable} must be the base64 of exactly ${KEY_BYTES} bytes, got ${key.length} bytes`);
  }
  return key;
}

function developmentKey(dataDir: string): Buffer {
  const path = join(dataDir, 'dev-master-key');
  if (existsSync(path)) return decodeKey(path, readFileSync(path, 'utf8').trim());
  preparePrivateDirectory(dataDir);
  const key = randomBytes(KEY_BYTES);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return key;
}
