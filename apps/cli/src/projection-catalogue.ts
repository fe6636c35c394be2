import type { ProjectionDefinition } from '@crm/domain';
import { discoverProjections } from '@crm/platform';
import type { ReplayOptions } from '@crm/projection-runtime';
import { type AuditEntry, auditTrail } from '@crm/projections/audit-trail';

export interface CataloguedProjection {
  readonly definition: ProjectionDefinition;
  /** How the embedded host runs it (libs/platform projectionHost), so that a replay builds the same. */
  readonly options: Pick<ReplayOptions, 'chain' | 'poison'>;
}

const AUDIT_TRAIL_OPTIONS: Pick<ReplayOptions<AuditEntry>, 'chain' | 'poison'> = {
  poison: 'halt',
  chain: { link: (previous, next) => auditTrail.link(next, previous?.hash ?? auditTrail.genesisHash) },
};

/** Every projection the registry finds under `projections/`. */
export function projectionCatalogue(): CataloguedProjection[] {
  return discoverProjections().map((definition) => ({
    definition,
    options:
      definition.name === auditTrail.name ? (AUDIT_TRAIL_OPTIONS as CataloguedProjection['options']) : {},
  }));
}

export function findProjection(name: string): CataloguedProjection {
  const catalogue = projectionCatalogue();
  const found = catalogue.find((entry) => entry.definition.name === name);
  if (found === undefined) {
    const names = catalogue.map((entry) => entry.definition.name).join(', ');
    throw new Error(`Unknown projection "${name}"; known: ${names}`);
  }
  return found;
}
