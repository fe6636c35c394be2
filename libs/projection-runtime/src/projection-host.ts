import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionRunnerOptions } from './projection-runner-options';
import type { ProjectionStatus } from './projection-status';
import { SharedLogFeed } from './shared-log-feed';

/** Options every hosted runner shares: one event source (the in-process bus) and one read store. */
export type HostOptions = Omit<ProjectionRunnerOptions, 'definition' | 'chain'>;

/** Per-projection options; the shared ones can be overridden here. */
export type HostedProjectionOptions<TDoc extends ProjectionDocument> = Partial<
  Omit<ProjectionRunnerOptions<TDoc>, 'definition' | 'source' | 'readStore'>
>;

/**
 * What a process asks of the projections it hosts, wherever they run: on its own thread (`ProjectionHost`)
 * or on a worker thread (the API's embedded mode).
 */
export interface ProjectionHosting {
  start(): void;
  /** Finishes the batches in hand and saves their checkpoints. */
  stop(): Promise<void>;
  /** Brings every projection up to the head of the log as it is now. */
  catchUp(): Promise<void>;
  statuses(): Promise<ProjectionStatus[]>;
}

/**
 * Runs several projections over one event source (embedded mode), each with its own checkpoint. The runners
 * tailing the log share one subscription to it (`SharedLogFeed`); their catch-up reads stay their own.
 */
export class ProjectionHost implements ProjectionHosting {
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly options: HostOptions;

  constructor(options: HostOptions) {
    this.options = { ...options, source: new SharedLogFeed(options.source) };
  }

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
