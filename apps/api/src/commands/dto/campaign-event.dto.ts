import { ApiProperty } from '@nestjs/swagger';
import { CONTACT_CHANNELS, type ContactChannel } from '@crm/domain';
import { Matches } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { IsOneOf } from './one-of';

export const CAMPAIGN_EVENT_KINDS = ['sent', 'opened', 'clicked'] as const;
export type CampaignEventKind = (typeof CAMPAIGN_EVENT_KINDS)[number];

export class CampaignEventDto extends CommandBodyDto {
  @ApiProperty({ description: 'The campaign', example: 'spring-sale-2026' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  campaignId!: string;

  @ApiProperty({
    description: 'Sending needs active marketing consent on it',
    enum: CONTACT_CHANNELS,
    example: 'email',
  })
  @IsOneOf(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({
    description: 'What happened; opened and clicked need an earlier sent',
    enum: CAMPAIGN_EVENT_KINDS,
    example: 'sent',
  })
  @IsOneOf(CAMPAIGN_EVENT_KINDS)
  kind!: CampaignEventKind;
}
