/** A query, write or name the read store refuses before touching storage (DESIGN §7: no raw filters). */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';
}

/** The name resolves to no ensured collection (or to an alias whose target was dropped). */
export class UnknownCollectionError extends Error {
  override readonly name = 'UnknownCollectionError';

  constructor(readonly collection: string) {
    super(`Read-store collection ${collection} does not exist`);
  }
}
