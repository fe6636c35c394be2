import { chmodSync, closeSync, existsSync, fchmodSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The embedded mode's files hold the event log, the read models (live customers' names and e-mails) and
 * the wrapped data keys: readable by the owner alone. A data directory this process creates is 0700 (an
 * existing one keeps its mode: docs/data-protection.md says to make it 0700).
 */
export function preparePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Creates a SQLite database file 0600 before SQLite opens it, since SQLite creates files 0644 (less the
 * umask) and gives its `-wal` and `-shm` files the mode of the database; an existing database and its
 * companions are brought down to 0600.
 */
export function preparePrivateDatabaseFile(path: string): void {
  preparePrivateDirectory(dirname(path));
  const fd = openSync(path, 'a', 0o600);
  try {
    fchmodSync(fd, 0o600);
  } finally {
    closeSync(fd);
  }
  for (const companion of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(companion)) chmodSync(companion, 0o600);
  }
}
