import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ProjectionHosting } from '@crm/projection-runtime';
import { PROJECTION_HOST, READ_STORE } from '@crm/platform';
import { type ReadStore, SqliteReadStore } from '@crm/read-store';

const POLL_MS = 20;

/**
 * After an erasure, makes sure the embedded read store keeps no clear copy: it waits (bounded) until this
 * process's projections have applied the erasure, then truncates the SQLite WAL, whose older page images
 * still hold the profile as it was (freed pages are already zeroed by `secure_delete`). MongoDB keeps no
 * such file the API controls; see docs/data-protection.md.
 */
@Injectable()
export class ReadModelScrubber {
  private readonly logger = new Logger('ReadModelScrubber');

  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Optional() @Inject(PROJECTION_HOST) private readonly projections?: ProjectionHosting,
    @Optional() @Inject('ERASURE_SCRUB_TIMEOUT_MS') private readonly timeoutMs: number = 10_000,
  ) {}

  /** True when the read store holds no older copy of what the log held up to `position`. */
  async afterErasure(position: number): Promise<boolean> {
    if (!(this.reads instanceof SqliteReadStore)) return true;
    if (!(await this.projectionsReached(position))) {
      this.logger.warn({
        msg: 'projections did not reach the erasure in time; the next erasure or restart scrubs',
        position,
      });
      return false;
    }
    const truncated = await this.reads.truncateWal();
    if (!truncated) this.logger.warn({ msg: 'read store WAL busy; not truncated yet', position });
    return truncated;
  }

  private async projectionsReached(position: number): Promise<boolean> {
    if (this.projections === undefined) return true;
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const statuses = await this.projections.statuses();
      if (statuses.every((status) => status.position >= position)) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
