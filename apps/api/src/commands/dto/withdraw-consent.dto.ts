import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_PURPOSES, CONTACT_CHANNELS, type ConsentPurpose, type ContactChannel } from '@crm/domain';
import { CommandBodyDto } from './command-body.dto';
import { IsOneOf } from './one-of';
import { IsCategory } from './text';

export class WithdrawConsentDto extends CommandBodyDto {
  @ApiProperty({
    description: 'The purpose of the active consent',
    enum: CONSENT_PURPOSES,
    example: 'marketing',
  })
  @IsOneOf(CONSENT_PURPOSES)
  purpose!: ConsentPurpose;

  @ApiProperty({ description: 'The channel of the active consent', enum: CONTACT_CHANNELS, example: 'email' })
  @IsOneOf(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ description: 'Where it was withdrawn', example: 'unsubscribe-link', maxLength: 64 })
  @IsCategory(64)
  source!: string;
}
