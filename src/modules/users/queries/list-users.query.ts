import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Page, sortOrder } from '../../../common/pagination/page-query.dto';
import { User } from '../persistence/user.entity';
import { filteredUsers, UserListFilter } from './user-list-filter';
import { toUserView, UserView } from './user-view';

export const USER_SORT_FIELDS = [
  'id',
  'createdAt',
  'lastActivityAt',
  'firstName',
  'username',
  'birthDate',
] as const;

/** A page of clients matching the filters; newest registrations first unless `sort` says otherwise. */
export class ListUsersQuery extends Query<Page<UserView>> {
  constructor(
    readonly filter: UserListFilter,
    readonly page: number,
    readonly limit: number,
    readonly sort?: string,
  ) {
    super();
  }
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery, Page<UserView>> {
  constructor(
    private readonly queries: QueryBus,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async execute({ filter, page, limit, sort }: ListUsersQuery): Promise<Page<UserView>> {
    const order = sortOrder(sort, USER_SORT_FIELDS, { field: 'createdAt', direction: 'DESC' });
    const query = await filteredUsers(this.queries, this.users, filter);
    // The page's ids first (sorting ids, not whole rows), and the count at the same time on a second
    // connection: both may have to read every matching row, so they run side by side. With the default
    // filter the page reads ~limit index entries in the sort's order (migrations/*-UsersListIndexes.ts)
    // and the exact count, every matching index entry, is what the list costs.
    const [idRows, counted] = await Promise.all([
      query
        .clone()
        .select('u.id', 'id')
        .orderBy(`u.${order.field}`, order.direction)
        .addOrderBy('u.id', order.direction)
        .offset((page - 1) * limit)
        .limit(limit)
        .getRawMany<{ id: number }>(),
      query.clone().select('COUNT(*)', 'total').getRawOne<{ total: number | string }>(),
    ]);
    const ids = idRows.map((row) => Number(row.id));
    const users = ids.length ? await this.users.findBy({ id: In(ids) }) : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    const items = ids.flatMap((id) => {
      const user = byId.get(id);
      return user ? [toUserView(user)] : [];
    });
    return { items, total: Number(counted?.total ?? 0), page, limit };
  }
}
