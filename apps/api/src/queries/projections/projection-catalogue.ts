import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  discoverProjections,
  findReadableProjection,
  READ_STORE,
  type ReadableProjection,
  readableProjections,
} from '@crm/platform';
import type { ReadStore } from '@crm/read-store';

/**
 * Every projection a reader may ask for by name: the ones under `projections/` (a new folder is served
 * without being named anywhere in the API; discovered once, at start-up) and the ad-hoc ones
 * `crm replay --definition` recorded in the read store, looked up on each request so a new one is served
 * without a restart.
 */
@Injectable()
export class ProjectionCatalogue {
  private readonly registered = discoverProjections();

  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /** 404 naming the known projections, so a typo is answered with what exists. */
  async find(name: string): Promise<ReadableProjection> {
    const found = await findReadableProjection(name, this.readStore, this.registered);
    if (found !== undefined) return found;
    const known = (await readableProjections(this.readStore, this.registered)).map((p) => p.name).join(', ');
    throw new NotFoundException(`unknown projection ${name}; known: ${known}`);
  }
}
