import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionRunnerOptions } from './projection-runner-options';
import type { ProjectionStatus } from './projection-status';

/** Options every hosted runner shares: one event source (the in-process bus) and one read store. */
export type HostOptions = Omit<ProjectionRunnerOptions, 'definition' | 'chain'>;

/** Per-projection options; the shared ones can be overridden here. */
export type HostedProjectionOptions<TDoc extends ProjectionDocument> = Partial<
  Omit<ProjectionRunnerOptions<TDoc>, 'definition' | 'source' | 'readStore'>
>;

/** Runs several projections over one event source (embedded mode), each with its own checkpoint. */
export class ProjectionHost {
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(private readonly options: HostOptions) {}

  add<TDoc extends ProjectionDocument>(
    definition: ProjectionDefinition<TDoc>,
    options: HostedProjectionOptions<TDoc> = {},
  ): ProjectionRunner<TDoc> {
    const runner = new ProjectionRunner<TDoc>({ ...this.options, ...options, definition });
    if (this.runners.has(runner.collection))
      throw new Error(`Projection ${runner.collection} is already hosted`);
    this.runners.set(runner.collection, runner as unknown as ProjectionRunner);
    return runner;
  }

  start(): void {
    for (const runner of this.runners.values()) runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.stop()));
  }

  /** Brings every projection up to the head of the log as it is now. */
  async catchUp(): Promise<void> {
    await Promise.all([...this.runners.values()].map((runner) => runner.catchUp()));
  }

  async statuses(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.runners.values()].map((runner) => runner.status()));
  }
}
