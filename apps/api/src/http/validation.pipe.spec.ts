import type { ArgumentMetadata } from '@nestjs/common';
import { IsDefined, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { RequestValidationError, requestValidationPipe } from './validation.pipe';

class OptionalQuery {
  @IsOptional()
  @IsString()
  asOf?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}

class RequiredQuery {
  @IsDefined()
  @IsString()
  from!: string;
}

class DefaultedQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit: number = 50;
}

const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });
const fieldsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RequestValidationError);
  return ((error as RequestValidationError).getResponse() as { errors: { field: string }[] }).errors.map(
    ({ field }) => field,
  );
};

describe('requestValidationPipe on query strings', () => {
  it('turns an empty query into a fresh instance of a DTO whose fields are all optional, every time', async () => {
    const pipe = requestValidationPipe();
    const first = await pipe.transform(Object.create(null), query(OptionalQuery));
    const second = await pipe.transform({}, query(OptionalQuery));

    expect(first).toBeInstanceOf(OptionalQuery);
    expect(second).toEqual(new OptionalQuery());
    expect(second).not.toBe(first);
    expect(await pipe.transform({}, query(DefaultedQuery))).toEqual({ limit: 50 });
  });

  it('still refuses an empty query when the DTO needs a field, on every call', async () => {
    const pipe = requestValidationPipe();

    expect(await fieldsOf(pipe.transform({}, query(RequiredQuery)))).toEqual(['from']);
    expect(await fieldsOf(pipe.transform({}, query(RequiredQuery)))).toEqual(['from']);
  });

  it('validates and converts a query that is not empty, and refuses unknown parameters', async () => {
    const pipe = requestValidationPipe();
    await pipe.transform({}, query(OptionalQuery));

    expect(await pipe.transform({ revision: '3' }, query(OptionalQuery))).toEqual({ revision: 3 });
    expect(await fieldsOf(pipe.transform({ revision: '-1' }, query(OptionalQuery)))).toEqual(['revision']);
    expect(await fieldsOf(pipe.transform({ evil: '1' }, query(OptionalQuery)))).toEqual(['evil']);
  });
});
