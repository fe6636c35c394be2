import 'reflect-metadata';
import { CUSTOMER_EVENT_SCHEMA_VERSIONS } from '@crm/domain';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsString,
  Length,
  Matches,
  type ValidationError,
  ValidateBy,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { conditionProblem, templateDataProblem } from './condition-shape';
import { AUTOMATABLE_COMMANDS, type AutomationRule } from './rule';

export const RULE_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_RULES = 200;
const TRIGGERS = Object.keys(CUSTOMER_EVENT_SCHEMA_VERSIONS);

const RULE_SHAPE = 'ruleShape';

/** A property checked by one of the recursive shape checks; the message is the problem and where below it. */
const Satisfies = (check: (value: unknown, at: string) => string | undefined) =>
  ValidateBy({
    name: RULE_SHAPE,
    validator: {
      validate: (value) => check(value, '') === undefined,
      defaultMessage: (args) => check(args?.value, '') ?? '',
    },
  });

class CommandTemplateDto {
  @IsIn(AUTOMATABLE_COMMANDS, { message: `then.type must be one of ${AUTOMATABLE_COMMANDS.join(', ')}` })
  type!: string;

  @Satisfies(templateDataProblem)
  data!: unknown;
}

class RuleDto {
  @Matches(RULE_ID, { message: 'id must be 1-63 of a-z, 0-9 and -, not starting or ending with -' })
  id!: string;

  @IsString()
  @Length(1, 500)
  description!: string;

  @IsIn(TRIGGERS, { message: 'trigger must be a customer event type (docs/events.md)' })
  trigger!: string;

  @Satisfies(conditionProblem)
  when!: unknown;

  @ValidateNested()
  @Type(() => CommandTemplateDto)
  then!: CommandTemplateDto;
}

class RuleFileDto {
  @IsArray()
  @ArrayMaxSize(MAX_RULES)
  @ValidateNested({ each: true })
  @Type(() => RuleDto)
  rules!: RuleDto[];
}

/** The rule file is not valid; every problem is listed with where it is. */
export class RuleFileError extends Error {
  override readonly name = 'RuleFileError';

  constructor(readonly problems: readonly string[]) {
    super(`invalid automation rules: ${problems.join('; ')}`);
  }
}

const flatten = (errors: readonly ValidationError[], parent = ''): string[] =>
  errors.flatMap((error) => {
    const at = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : `${parent}${parent ? '.' : ''}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([name, message]) =>
      name === RULE_SHAPE ? `${at}${message}` : `${at}: ${message}`,
    );
    return [...own, ...flatten(error.children ?? [], at)];
  });

/** Validates the parsed JSON of a rule file: unknown fields, operators and paths are refused. */
export function parseRuleFile(json: unknown): AutomationRule[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new RuleFileError(['the file must be an object { "rules": [...] }']);
  }
  const file = plainToInstance(RuleFileDto, json);
  const problems = flatten(
    validateSync(file, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
  );
  const ids = Array.isArray(file.rules) ? file.rules.map((rule) => rule.id) : [];
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) problems.push(`rules: id ${duplicate} is used twice`);
  if (problems.length > 0) throw new RuleFileError(problems);
  return (json as { rules: AutomationRule[] }).rules;
}
