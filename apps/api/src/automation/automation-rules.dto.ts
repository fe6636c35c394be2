import { ApiProperty } from '@nestjs/swagger';
import { AUTOMATABLE_COMMANDS } from '@crm/automation';

class CommandTemplateDto {
  @ApiProperty({ enum: AUTOMATABLE_COMMANDS, example: 'PrioritizeComplaint' })
  type!: string;

  @ApiProperty({
    description: 'Command data: literals, or { "path": ... } read from the trigger event or the customer 360',
    example: { complaintId: { path: 'event.data.complaintId' }, priority: 'high', reason: 'gold customer' },
  })
  data!: Record<string, unknown>;
}

class AutomationRuleDto {
  @ApiProperty({ example: 'gold-complaint-priority' })
  id!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: 'The customer event type that triggers the rule', example: 'Complained' })
  trigger!: string;

  @ApiProperty({
    description: 'Condition: all / any / not, or { path, eq | in | gte | lte | exists }',
    example: { all: [{ path: 'customer.tier', in: ['gold', 'platinum'] }] },
  })
  when!: Record<string, unknown>;

  @ApiProperty({ type: CommandTemplateDto })
  then!: CommandTemplateDto;
}

export class AutomationRulesDto {
  @ApiProperty({ description: 'False when AUTOMATION_ENABLED=false: the rules are loaded but never fire' })
  enabled!: boolean;

  @ApiProperty({
    nullable: true,
    description: "The reactor's checkpoint: the last global position it has acted on",
    example: 1042,
  })
  position!: number | null;

  @ApiProperty({ type: [AutomationRuleDto] })
  rules!: AutomationRuleDto[];
}
