import { Injectable, NotFoundException } from '@nestjs/common';
import type { ProjectionDefinition } from '@crm/domain';
import { discoverProjections } from '@crm/platform';

/**
 * Every projection under `projections/`, found by the registry as the projection host finds them: a new
 * folder is served without being named anywhere in the API. Discovered once, at start-up.
 */
@Injectable()
export class ProjectionCatalogue {
  private readonly definitions = discoverProjections();

  /** 404 naming the known projections, so a typo is answered with what exists. */
  find(name: string): ProjectionDefinition {
    const found = this.definitions.find((definition) => definition.name === name);
    if (found !== undefined) return found;
    const known = this.definitions.map((definition) => definition.name).join(', ');
    throw new NotFoundException(`unknown projection ${name}; known: ${known}`);
  }
}
