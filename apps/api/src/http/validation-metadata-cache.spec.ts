import 'reflect-metadata';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsString, MinLength, ValidateNested, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

class Amount {
  @IsInt()
  minor!: number;
}

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  count!: number;

  @MinLength(3, { groups: ['strict'] })
  code!: string;

  @ValidateNested()
  @Type(() => Amount)
  amount!: Amount;
}

const amount = (minor: number): Amount => Object.assign(new Amount(), { minor });
const child = (fields: Partial<Child>): Child =>
  Object.assign(new Child(), { name: 'a', count: 1, code: 'xyz', amount: amount(1), ...fields });
const properties = (errors: Awaited<ReturnType<typeof validate>>): string[] =>
  errors.map((error) => error.property).sort();

describe('memoizeValidationMetadata', () => {
  const storage = getMetadataStorage();
  const lookUp = jest.spyOn(storage, 'getTargetValidationMetadatas');

  beforeAll(() => memoizeValidationMetadata(storage));
  beforeEach(() => lookUp.mockClear());

  it('looks a class up once per set of arguments, nested objects included, however often it validates', async () => {
    for (let i = 0; i < 5; i++) await validate(child({ count: i }));
    await validate(child({ code: 'x' }), { groups: ['strict'] });
    await validate(child({ code: 'x' }), { groups: ['strict'] });

    expect(lookUp.mock.calls.map(([target, schema, , , groups]) => [target, schema, groups])).toEqual([
      [Child, undefined, undefined],
      [Amount, 'Child', undefined],
      [Child, undefined, ['strict']],
    ]);
  });

  it('validates as class-validator does: inherited, grouped and nested rules apply', async () => {
    const errors = await validate(
      child({ name: 7 as unknown as string, count: 1.5, code: 'x', amount: amount(0.5) }),
    );
    const strict = await validate(child({ code: 'x' }), { groups: ['strict'] });

    expect(properties(errors)).toEqual(['amount', 'code', 'count', 'name']);
    expect(properties(strict)).toEqual(['code']);
  });

  it('sees rules registered after a class was first validated', async () => {
    expect(await validate(child({}))).toEqual([]);

    IsString()(Child.prototype, 'label');

    expect(properties(await validate(Object.assign(child({}), { label: 3 })))).toEqual(['label']);
  });

  it('wraps a storage once, whoever asks', () => {
    const memoizedLookUp = storage.getTargetValidationMetadatas;

    memoizeValidationMetadata(storage);

    expect(storage.getTargetValidationMetadatas).toBe(memoizedLookUp);
  });
});
