import { queryString } from '../api/http';
import { canAccess } from '../auth/access';
import { changedFields, pageQuery } from './query-shape';

describe('data provider', () => {
  it("speaks the API's page, limit and sort", () => {
    expect(pageQuery({ page: 3, perPage: 25 }, { field: 'createdAt', order: 'DESC' })).toEqual({
      page: 3,
      limit: 25,
      sort: '-createdAt',
    });
    expect(pageQuery({ page: 1, perPage: 500 }, { field: 'firstName', order: 'ASC' })).toEqual({
      page: 1,
      limit: 100,
      sort: 'firstName',
    });
  });

  it('writes filters as the API reads them: lists comma-separated, empty values left out', () => {
    expect(queryString({ tags: ['vip', 'опт'], q: '', status: undefined, subscribed: true, page: 2 })).toBe(
      '?tags=vip%2C%D0%BE%D0%BF%D1%82&subscribed=true&page=2',
    );
    expect(queryString({ tags: [] })).toBe('');
  });

  it('sends only the fields a form changed', () => {
    expect(changedFields({ tags: ['a'], notes: 'x', id: 5 }, { tags: ['a'], notes: null, id: 5 })).toEqual({
      notes: 'x',
    });
  });
});

describe('access by role', () => {
  it('mirrors the API: readonly reads, marketing writes, only the owner deletes a client', () => {
    expect(canAccess('readonly', 'users', 'list')).toBe(true);
    expect(canAccess('readonly', 'users', 'edit')).toBe(false);
    expect(canAccess('marketing', 'users', 'edit')).toBe(true);
    expect(canAccess('marketing', 'users', 'delete')).toBe(false);
    expect(canAccess('owner', 'users', 'delete')).toBe(true);
    expect(canAccess('owner', 'no-such-resource', 'list')).toBe(false);
    expect(canAccess(undefined, 'users', 'list')).toBe(false);
  });
});
