import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_PURPOSES, CONTACT_CHANNELS, type ConsentPurpose, type ContactChannel } from '@crm/domain';
import { CommandBodyDto } from './command-body.dto';
import { IsOneOf } from './one-of';
import { IsCategory } from './text';

export class GrantConsentDto extends CommandBodyDto {
  @ApiProperty({ description: 'What the data may be used for', enum: CONSENT_PURPOSES, example: 'marketing' })
  @IsOneOf(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;

  @ApiProperty({ description: 'How the customer may be contacted', enum: CONTACT_CHANNELS, example: 'email' })
  @IsOneOf(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ description: 'The KVKK / GDPR legal basis', example: 'explicit-consent', maxLength: 64 })
  @IsCategory(64)
  legalBasis!: string;

  @ApiProperty({ description: 'Where it was given', example: 'web-signup-form', maxLength: 64 })
  @IsCategory(64)
  source!: string;

  @ApiProperty({
    description: 'Reference to the stored proof',
    example: 'consent-log/2026/03/01/8812',
    maxLength: 256,
  })
  @IsCategory(256)
  evidenceRef!: string;
}
