import { describe, expect, it } from 'vitest';
import { ODataError } from './errors.ts';
import { matchesFilter, parseFilter } from './filter.ts';

const entries = [
  {
    id: 1,
    lock_id: 'lock-front',
    event_category: 'lock_opened',
    user_id: 'user-anna',
    utc_date_time: '2026-03-02T07:59:59.000Z',
    local_date_time: '2026-03-02T08:59:59.000',
    online: true,
    alerts: { not_closed: true },
    user_ids: ['user-anna', 'user-bram'],
  },
  {
    id: 2,
    lock_id: 'lock-back',
    event_category: 'lock_rejected',
    user_id: null,
    utc_date_time: '2026-03-02T08:00:00.000Z',
    local_date_time: '2026-03-02T09:00:00.000',
    online: false,
    alerts: { not_closed: false },
    user_ids: [],
  },
  {
    id: 3,
    lock_id: 'lock-front',
    event_category: 'easy_office_mode',
    user_id: "o'brien",
    utc_date_time: '2026-03-02T08:30:00.000Z',
    local_date_time: '2026-03-02T09:30:00.000',
    online: true,
    alerts: { not_closed: false },
    user_ids: ['user-chloe'],
  },
];

function ids(filter: string): number[] {
  const node = parseFilter(filter);
  return entries.filter((entry) => matchesFilter(node, entry)).map((entry) => entry.id);
}

function failure(filter: string, fields?: ReadonlySet<string>): ODataError {
  try {
    parseFilter(filter, fields === undefined ? {} : { fields });
  } catch (error) {
    if (error instanceof ODataError) return error;
    throw error;
  }
  throw new Error(`expected ${filter} to be refused`);
}

describe('$filter', () => {
  it('compares with every operator', () => {
    expect(ids("lock_id eq 'lock-front'")).toEqual([1, 3]);
    expect(ids("lock_id ne 'lock-front'")).toEqual([2]);
    expect(ids('id gt 1')).toEqual([2, 3]);
    expect(ids('id ge 2')).toEqual([2, 3]);
    expect(ids('id lt 2')).toEqual([1]);
    expect(ids('id le 2')).toEqual([1, 2]);
    expect(ids('2 le id')).toEqual([2, 3]);
    expect(ids('id eq 2.0')).toEqual([2]);
    expect(ids('id gt -1e3')).toEqual([1, 2, 3]);
  });

  it('combines with and, or, not and brackets (and binds tighter than or)', () => {
    expect(ids("lock_id eq 'lock-front' and id gt 1")).toEqual([3]);
    expect(ids("id eq 2 or lock_id eq 'lock-front' and id gt 1")).toEqual([2, 3]);
    expect(ids("(id eq 2 or lock_id eq 'lock-front') and id gt 1")).toEqual([2, 3]);
    expect(ids("(id eq 1 or id eq 2) and lock_id eq 'lock-front'")).toEqual([1]);
    expect(ids("not lock_id eq 'lock-front'")).toEqual([2]);
    expect(ids('not (id eq 1 or id eq 3)')).toEqual([2]);
    expect(ids('not not online')).toEqual([1, 3]);
  });

  it('knows booleans, null and bare boolean fields', () => {
    expect(ids('online')).toEqual([1, 3]);
    expect(ids('online eq false')).toEqual([2]);
    expect(ids('user_id eq null')).toEqual([2]);
    expect(ids('user_id ne null')).toEqual([1, 3]);
    expect(ids('missing_field eq null')).toEqual([1, 2, 3]);
    expect(ids('true')).toEqual([1, 2, 3]);
    expect(ids('false')).toEqual([]);
  });

  it('reads nested fields with /', () => {
    expect(ids('alerts/not_closed eq true')).toEqual([1]);
    expect(ids('alerts/not_closed/deeper eq null')).toEqual([1, 2, 3]);
  });

  it('has contains, startswith and endswith (contains on a list is membership)', () => {
    expect(ids("contains(event_category,'office')")).toEqual([3]);
    expect(ids("startswith(event_category,'lock_')")).toEqual([1, 2]);
    expect(ids("endswith(lock_id,'back')")).toEqual([2]);
    expect(ids("contains(user_ids,'user-bram')")).toEqual([1]);
    expect(ids("contains(id,'1')")).toEqual([]);
    expect(ids("not contains(event_category,'lock')")).toEqual([3]);
  });

  it("reads '' as a quote inside a string", () => {
    expect(ids("user_id eq 'o''brien'")).toEqual([3]);
    expect(ids("user_id eq ''")).toEqual([]);
  });

  it('compares date-time literals with date-time fields as instants', () => {
    expect(ids('utc_date_time ge 2026-03-02T08:00:00Z')).toEqual([2, 3]);
    expect(ids('utc_date_time lt 2026-03-02T08:00:00Z')).toEqual([1]);
    expect(ids('utc_date_time eq 2026-03-02T09:00:00+01:00')).toEqual([2]);
    expect(ids('utc_date_time gt 2026-03-02T08:00:00.500Z')).toEqual([3]);
    expect(ids('utc_date_time ge 2026-03-02')).toEqual([1, 2, 3]);
    // Local wall times (no offset) compare with literals without offset, field by field.
    expect(ids('local_date_time ge 2026-03-02T09:00:00')).toEqual([2, 3]);
    // A date-time does not compare with a field that is not one.
    expect(ids('lock_id gt 2026-03-02T08:00:00Z')).toEqual([]);
  });

  it('treats values of different types as unequal and unordered', () => {
    expect(ids("id eq '1'")).toEqual([]);
    expect(ids("id gt 'a'")).toEqual([]);
    expect(ids('online gt 0')).toEqual([]);
    expect(ids('user_id gt null')).toEqual([]);
  });

  it('refuses malformed filters with a typed error and a position', () => {
    expect(failure('').detail).toBe('is empty');
    expect(failure("lock_id eq 'front").detail).toMatch(/closing quote/);
    expect(failure('id eq').detail).toMatch(/expected a value/);
    expect(failure('id eq 1 and').detail).toMatch(/expected a value/);
    expect(failure('(id eq 1').detail).toMatch(/closing bracket/);
    expect(failure('id eq 1)').detail).toMatch(/unexpected/);
    expect(failure('id eq 1 eq 2').detail).toMatch(/unexpected/);
    expect(failure('id === 1').detail).toMatch(/unexpected character/);
    expect(failure('3').detail).toMatch(/condition/);
    expect(failure("'text' and true").detail).toMatch(/condition/);
    expect(failure('id eq 2026-02-30T00:00:00Z').detail).toMatch(/date-time/);
    expect(failure('id eq 12abc').detail).toMatch(/malformed number/);
    expect(failure('id eq 1e999').detail).toMatch(/out of range/);
    expect(failure('alerts/ eq 1').detail).toMatch(/name after/);
    expect(failure('contains(id)').detail).toMatch(/comma/);
    expect(failure("contains('x', id)").detail).toMatch(/field first/);
    expect(failure('contains(id, 3)').detail).toMatch(/string literal/);
    expect(failure('and eq 1').detail).toMatch(/cannot stand here/);
    expect(failure('a/and eq 1').detail).toMatch(/not a field/);
    expect(failure('x'.repeat(5_000)).detail).toMatch(/longer than/);
    expect(failure(`${'('.repeat(100)}true${')'.repeat(100)}`).detail).toMatch(/nested deeper/);
    expect(failure(`${'not '.repeat(100)}true`).detail).toMatch(/nested deeper/);
    const error = failure('id eq 1 or or');
    expect(error.position).toBe(11);
    expect(error.message).toBe('$filter: "or" cannot stand here at position 11');
  });

  it('refuses fields the items do not have, when told which they have', () => {
    const fields = new Set(['id', 'alerts/not_closed']);
    expect(() => parseFilter('id eq 1 and alerts/not_closed', { fields })).not.toThrow();
    expect(failure('ide eq 1', fields).detail).toBe('unknown field "ide"');
    expect(failure("contains(alerts,'x')", fields).detail).toBe('unknown field "alerts"');
  });
});
