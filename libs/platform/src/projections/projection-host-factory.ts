import type { ProjectionDefinition } from '@crm/domain';
import { ProjectionHost } from '@crm/projection-runtime';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { discoverProjections } from './projection-registry';
import { projectionRunOptions } from './projection-run-options';

/** A host running every projection the registry discovers (or the ones given) on one source. */
export function projectionHost(
  source: EventSource,
  readStore: ReadStore,
  definitions: readonly ProjectionDefinition[] = discoverProjections(),
): ProjectionHost {
  const host = new ProjectionHost({ source, readStore });
  for (const definition of definitions) host.add(definition, projectionRunOptions(definition));
  return host;
}
