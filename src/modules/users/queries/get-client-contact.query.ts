import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User, UserStatus } from '../persistence/user.entity';

/** What another module needs to address a client: whether they are there, test or not, and how to greet them. */
export interface ClientContact {
  id: number;
  status: UserStatus;
  isTest: boolean;
  telegramId: number | null;
  firstName: string | null;
}

/** The client with this id (deleted ones too: the caller decides), or null when there is none. */
export class GetClientContactQuery extends Query<ClientContact | null> {
  constructor(readonly userId: number) {
    super();
  }
}

@QueryHandler(GetClientContactQuery)
export class GetClientContactHandler implements IQueryHandler<GetClientContactQuery, ClientContact | null> {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async execute({ userId }: GetClientContactQuery): Promise<ClientContact | null> {
    const user = await this.users.findOne({
      select: { id: true, status: true, isTest: true, telegramId: true, firstName: true },
      where: { id: userId },
    });
    if (!user) return null;
    return {
      id: user.id,
      status: user.status,
      isTest: Boolean(user.isTest),
      telegramId: user.telegramId,
      firstName: user.firstName,
    };
  }
}
