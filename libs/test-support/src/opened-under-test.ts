/** Something a suite opens once and disposes of at the end: a store, a bus, a client. */
export interface Opened<T> {
  readonly store: T;
  dispose(): Promise<void>;
}

export type OpenFactory<T> = () => Promise<Opened<T>>;

/** Opens one instance for the enclosing describe block and disposes of it after the block. */
export function useOpened<T>(factory: OpenFactory<T>): () => T {
  let opened: Opened<T> | undefined;
  beforeAll(async () => {
    opened = await factory();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  return () => {
    if (opened === undefined) throw new Error('The instance under test was not opened');
    return opened.store;
  };
}
