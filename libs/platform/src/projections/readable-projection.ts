import type { ProjectionDefinition, ProjectionField } from '@crm/domain';
import {
  type AdHocProjection,
  adHocProjections,
  findAdHocProjection,
  storageName,
} from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store/read-store';
import { discoverProjections } from './projection-registry';

/** What a reader (`crm query`, `GET /projections/{name}/documents`) needs to query a projection by name. */
export interface ReadableProjection {
  readonly name: string;
  readonly version: number;
  /** The name to pass to the read store: the alias, resolved on every call so a swap is seen at once. */
  readonly alias: string;
  /** The only fields a query may filter or sort on. */
  readonly fields: readonly ProjectionField[];
  /** Found under `projections/`, or recorded by `crm replay --definition <file>`. */
  readonly origin: 'registered' | 'ad-hoc';
}

const registeredProjection = (definition: ProjectionDefinition): ReadableProjection => ({
  name: definition.name,
  version: definition.version,
  alias: storageName(definition.name),
  fields: definition.fields ?? [],
  origin: 'registered',
});

const adHocProjection = ({ name, version, fields }: AdHocProjection): ReadableProjection => ({
  name,
  version,
  alias: storageName(name),
  fields,
  origin: 'ad-hoc',
});

/**
 * The projection of that name: a registered one (the registry's definition), else an ad-hoc one recorded in
 * the read store (`recordAdHocProjection`), which readers find without its file. `registered` defaults to
 * the registry's projections; a registered name always wins, and `crm replay --definition` refuses to take one.
 */
export async function findReadableProjection(
  name: string,
  readStore: ReadStore,
  registered: readonly ProjectionDefinition[] = discoverProjections(),
): Promise<ReadableProjection | undefined> {
  const definition = registered.find((candidate) => candidate.name === name);
  if (definition !== undefined) return registeredProjection(definition);
  const adHoc = await findAdHocProjection(readStore, name);
  return adHoc === undefined ? undefined : adHocProjection(adHoc);
}

/** Every projection a reader can ask for by name, registered first: for "known: …" in an unknown-name error. */
export async function readableProjections(
  readStore: ReadStore,
  registered: readonly ProjectionDefinition[] = discoverProjections(),
): Promise<ReadableProjection[]> {
  const names = new Set(registered.map((definition) => definition.name));
  const adHoc = (await adHocProjections(readStore)).filter((projection) => !names.has(projection.name));
  return [...registered.map(registeredProjection), ...adHoc.map(adHocProjection)];
}
