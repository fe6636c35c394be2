import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AutomationRule } from '@crm/automation';
import { READ_STORE } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { ApiQueryResponses } from '../queries/api-query-responses';
import { AUTOMATION_CONFIG, type AutomationConfig } from './automation-config';
import { AUTOMATION_RULES } from './automation-rules';
import { AutomationRulesDto } from './automation-rules.dto';
import { AUTOMATION_CHECKPOINT } from '../reactors/reactor-checkpoint';

/** Admin only (no @Roles): the rules say what the system does on its own, under its own actors. */
@ApiTags('automation')
@Controller('automation')
export class AutomationController {
  constructor(
    @Inject(AUTOMATION_RULES) private readonly rules: readonly AutomationRule[],
    @Inject(AUTOMATION_CONFIG) private readonly config: AutomationConfig,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  @Get('rules')
  @ApiOperation({
    summary: 'The automation rules loaded from AUTOMATION_RULES_FILE, and the reactor checkpoint',
  })
  @ApiQueryResponses(AutomationRulesDto, 'The rules, in file order')
  async list(): Promise<AutomationRulesDto> {
    const checkpoint = await this.readStore.getCheckpoint(AUTOMATION_CHECKPOINT);
    return {
      enabled: this.config.enabled,
      position: checkpoint?.position ?? null,
      rules: this.rules as unknown as AutomationRulesDto['rules'],
    };
  }
}
