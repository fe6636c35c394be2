import { Controller, Get, Header, Inject } from '@nestjs/common';
import { type ProjectorHealth, projectorHealth } from './projector-health';
import { PROJECTOR_METRICS, type ProjectorMetrics } from './projector-metrics';
import { BUS_PROJECTORS, type BusProjectors } from './projector-tokens';

@Controller()
export class ProjectorController {
  constructor(
    @Inject(BUS_PROJECTORS) private readonly projectors: BusProjectors,
    @Inject(PROJECTOR_METRICS) private readonly metrics: ProjectorMetrics,
  ) {}

  @Get('health')
  async health(): Promise<ProjectorHealth> {
    const projections = await Promise.all(this.projectors.map((projector) => projector.status()));
    return projectorHealth(projections, Date.now());
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
