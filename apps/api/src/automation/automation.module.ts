import { Module } from '@nestjs/common';
import { METRICS, type ApiMetrics } from '../metrics/metrics';
import { MetricsModule } from '../metrics/metrics.module';
import { AUTOMATION_CONFIG, readAutomationConfig } from './automation-config';
import { AutomationMetrics } from './automation-metrics';
import { AUTOMATION_RULES, loadAutomationRules } from './automation-rules';
import { AutomationController } from './automation.controller';
import { AutomationReactor } from './automation.reactor';

/** Business-rule automation (docs/automation.md): a reactor on the global log, in every mode. */
@Module({
  imports: [MetricsModule],
  providers: [
    { provide: AUTOMATION_CONFIG, useFactory: () => readAutomationConfig(process.env) },
    { provide: AUTOMATION_RULES, inject: [AUTOMATION_CONFIG], useFactory: loadAutomationRules },
    {
      provide: AutomationMetrics,
      inject: [METRICS],
      useFactory: (metrics: ApiMetrics) => new AutomationMetrics(metrics),
    },
    AutomationReactor,
  ],
  controllers: [AutomationController],
})
export class AutomationModule {}
