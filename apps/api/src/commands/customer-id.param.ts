import { Param, type PipeTransform } from '@nestjs/common';
import { invalidField } from '../http/validation.pipe';
import { ID_PATTERN } from './dto/id';

class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!ID_PATTERN.test(value)) {
      throw invalidField(this.name, 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -');
    }
    return value;
  }
}

export const CustomerIdParam = (): ParameterDecorator => Param('customerId', new IdPipe('customerId'));
export const IdParam = (name: string): ParameterDecorator => Param(name, new IdPipe(name));
