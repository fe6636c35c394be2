import { CommandBodyDto } from './command-body.dto';

/** Winning carries nothing besides the envelope: the amount is the opportunity's. */
export class WinOpportunityDto extends CommandBodyDto {}
