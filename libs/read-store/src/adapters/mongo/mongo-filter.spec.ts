import { documentFilter, prefixPattern, sortSpec } from './mongo-filter';
import { fencedUpdate, winningOperations } from './mongo-write';

const live = { deleted: { $eq: false } };

describe('documentFilter', () => {
  it('reads only live documents when there are no conditions', () => {
    expect(documentFilter([])).toEqual(live);
  });

  it('puts every value under an explicit operator on a body path', () => {
    expect(
      documentFilter([
        { field: 'tier', op: 'eq', value: 'gold' },
        { field: 'profile.email', op: 'eq', value: null },
        { field: 'active', op: 'in', values: [true, null] },
        { field: 'score', op: 'range', gt: 1, lte: 9 },
        { field: 'code', op: 'prefix', value: 'a.b' },
      ]),
    ).toEqual({
      ...live,
      $and: [
        { 'body.tier': { $eq: 'gold' } },
        { 'body.profile.email': { $eq: null } },
        { 'body.active': { $in: [true, null] } },
        { 'body.score': { $gt: 1, $lte: 9 } },
        { 'body.code': { $regex: '^a\\.b' } },
      ],
    });
  });

  it('keeps a range to the bounds it was given', () => {
    expect(documentFilter([{ field: 'score', op: 'range', gte: 'a', lt: 'b' }])).toEqual({
      ...live,
      $and: [{ 'body.score': { $gte: 'a', $lt: 'b' } }],
    });
  });

  it('continues after a cursor by id when unsorted', () => {
    expect(documentFilter([], undefined, { value: null, id: 'c-3' })).toEqual({
      ...live,
      $and: [{ _id: { $gt: 'c-3' } }],
    });
  });

  it('continues after a cursor in (value, _id) order, with null sorting first', () => {
    const after = (direction: 'asc' | 'desc', value: string | null) =>
      documentFilter([], { field: 'tier', direction }, { value, id: 'c-3' }).$and;
    expect(after('asc', 'gold')).toEqual([
      { $or: [{ 'body.tier': { $gt: 'gold' } }, { 'body.tier': { $eq: 'gold' }, _id: { $gt: 'c-3' } }] },
    ]);
    expect(after('asc', null)).toEqual([
      { $or: [{ 'body.tier': { $eq: null }, _id: { $gt: 'c-3' } }, { 'body.tier': { $ne: null } }] },
    ]);
    expect(after('desc', 'gold')).toEqual([
      {
        $or: [
          { 'body.tier': { $lt: 'gold' } },
          { 'body.tier': { $eq: 'gold' }, _id: { $lt: 'c-3' } },
          { 'body.tier': { $eq: null } },
        ],
      },
    ]);
    expect(after('desc', null)).toEqual([{ 'body.tier': { $eq: null }, _id: { $lt: 'c-3' } }]);
  });
});

describe('sortSpec', () => {
  it('breaks ties by _id in the sort direction', () => {
    expect(sortSpec()).toEqual([['_id', 1]]);
    expect(sortSpec({ field: 'score', direction: 'desc' })).toEqual([
      ['body.score', -1],
      ['_id', -1],
    ]);
  });
});

describe('prefixPattern', () => {
  it.each(['a%', 'a_', 'a.', 'a*', 'a(', 'a[b]', 'a+?', 'a$^', 'a|b', 'a{2}', 'a\\d', 'a/b-c'])(
    'matches %s literally and only at the start',
    (prefix) => {
      const pattern = new RegExp(prefixPattern(prefix));
      expect(pattern.test(`${prefix}tail`)).toBe(true);
      expect(pattern.test(`x${prefix}`)).toBe(false);
      expect(pattern.test(prefix.replace(/[^a]/g, 'z'))).toBe(false);
    },
  );
});

describe('bulk write models', () => {
  it('keeps, per id, the operation the fence lets win', () => {
    const winners = winningOperations([
      { kind: 'upsert', document: { id: 'a', version: 2, body: { n: 2 } } },
      { kind: 'upsert', document: { id: 'a', version: 5, body: { n: 5 } } },
      { kind: 'delete', id: 'a', version: 5 },
      { kind: 'delete', id: 'b', version: 1 },
      { kind: 'upsert', document: { id: 'a', version: 3, body: { n: 3 } } },
    ]);
    expect(winners).toEqual([
      { kind: 'upsert', document: { id: 'a', version: 5, body: { n: 5 } } },
      { kind: 'delete', id: 'b', version: 1 },
    ]);
  });

  it('fences each update on a lower stored version', () => {
    expect(fencedUpdate({ kind: 'upsert', document: { id: 'a', version: 5, body: { n: 5 } } }, true)).toEqual(
      {
        updateOne: {
          filter: { _id: 'a', version: { $lt: 5 } },
          update: { $set: { version: 5, deleted: false, body: { n: 5 } } },
          upsert: true,
        },
      },
    );
    expect(fencedUpdate({ kind: 'delete', id: 'a', version: 6 }, false)).toEqual({
      updateOne: {
        filter: { _id: 'a', version: { $lt: 6 } },
        update: { $set: { version: 6, deleted: true }, $unset: { body: '' } },
        upsert: false,
      },
    });
  });
});
