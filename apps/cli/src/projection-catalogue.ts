import type { ProjectionDefinition } from '@crm/domain';
import { discoverProjections, projectionRunOptions, type ProjectionRunOptions } from '@crm/platform';

export interface CataloguedProjection {
  readonly definition: ProjectionDefinition;
  /** How the embedded host runs it, so that a replay builds the same. */
  readonly options: ProjectionRunOptions;
}

/** Every projection the registry finds under `projections/`. */
export function projectionCatalogue(): CataloguedProjection[] {
  return discoverProjections().map((definition) => ({
    definition,
    options: projectionRunOptions(definition),
  }));
}

export function findProjection(
  name: string,
  catalogue: readonly CataloguedProjection[] = projectionCatalogue(),
): CataloguedProjection {
  const found = catalogue.find((entry) => entry.definition.name === name);
  if (found === undefined) {
    const names = catalogue.map((entry) => entry.definition.name).join(', ');
    throw new Error(`Unknown projection "${name}"; known: ${names}`);
  }
  return found;
}
