import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { publicBirthDate } from '../domain/birth-date';
import { User, UserStatus } from '../persistence/user.entity';

/** What the client bot needs to know about the person writing to it. */
export interface ClientSummary {
  userId: number;
  status: UserStatus;
  firstName: string | null;
  isSubscribed: boolean;
  birthDate: string | null;
  referralCode: string | null;
  isTest: boolean;
}

/** The client with this Telegram id, or null (never registered, or deleted: the id is gone then). */
export class FindClientQuery extends Query<ClientSummary | null> {
  constructor(readonly telegramId: number) {
    super();
  }
}

@QueryHandler(FindClientQuery)
export class FindClientHandler implements IQueryHandler<FindClientQuery, ClientSummary | null> {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async execute({ telegramId }: FindClientQuery): Promise<ClientSummary | null> {
    const user = await this.users.findOneBy({ telegramId });
    if (!user) return null;
    return {
      userId: user.id,
      status: user.status,
      firstName: user.firstName,
      isSubscribed: Boolean(user.isSubscribed),
      birthDate: publicBirthDate(user.birthDate),
      referralCode: user.referralCode,
      isTest: Boolean(user.isTest),
    };
  }
}
