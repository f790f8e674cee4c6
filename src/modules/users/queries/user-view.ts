import { publicBirthDate } from '../domain/birth-date';
import { User, UserStatus } from '../persistence/user.entity';

/** A client as the admin API shows one (list items and the card). */
export interface UserView {
  id: number;
  telegramId: number | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  languageCode: string | null;
  source: string;
  birthDate: string | null;
  birthDateSetAt: Date | null;
  isSubscribed: boolean;
  subscriptionCheckedAt: Date | null;
  status: UserStatus;
  blockedAt: Date | null;
  tags: string[];
  notes: string | null;
  lastActivityAt: Date | null;
  referralCode: string | null;
  referredByUserId: number | null;
  isTest: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    telegramId: user.telegramId === null ? null : Number(user.telegramId),
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    languageCode: user.languageCode,
    source: user.source,
    birthDate: publicBirthDate(user.birthDate),
    birthDateSetAt: user.birthDateSetAt,
    isSubscribed: Boolean(user.isSubscribed),
    subscriptionCheckedAt: user.subscriptionCheckedAt,
    status: user.status,
    blockedAt: user.blockedAt,
    tags: user.tags ?? [],
    notes: user.notes,
    lastActivityAt: user.lastActivityAt,
    referralCode: user.referralCode,
    referredByUserId: user.referredByUserId,
    isTest: Boolean(user.isTest),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
