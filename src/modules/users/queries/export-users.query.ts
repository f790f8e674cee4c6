import { Logger } from '@nestjs/common';
import { EventBus, IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../common/audit/audit-entry';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { ExportedClient, USER_CSV_HEADER, userCsvRows } from '../domain/user-csv';
import { UsersExportedEvent } from '../events/user.events';
import { User } from '../persistence/user.entity';
import { filteredUsers, UserListFilter } from './user-list-filter';

/** Rows read per query while exporting: the export never holds more than this many clients in memory. */
export const EXPORT_BATCH = 1000;

/**
 * users.csv for the list's filters, as a stream: UTF-8 with a BOM (Excel then reads Cyrillic), `;` between
 * fields and CRLF between rows (Russian Excel), a Russian header row, clients in id order. Rows are read in
 * keyset pages of EXPORT_BATCH (`id > last ORDER BY id LIMIT n`), at most one page ahead of what the HTTP
 * response has taken (stream back-pressure). Audited as users.exported when the stream ends,
 * with the row count and whether the download ran to the end.
 */
export class ExportUsersQuery extends Query<Readable> {
  constructor(
    readonly filter: UserListFilter,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ExportUsersQuery)
export class ExportUsersHandler implements IQueryHandler<ExportUsersQuery, Readable> {
  private readonly logger = new Logger(ExportUsersHandler.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly events: EventBus,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async execute({ filter, actor }: ExportUsersQuery): Promise<Readable> {
    const query = await filteredUsers(this.queries, this.users, filter);
    const timezone = await this.queries.execute(new GetSettingQuery('shop.timezone'));
    const audit = (rows: number, completed: boolean) =>
      this.events.publish(new UsersExportedEvent(actor, auditedFilters(filter), rows, completed));
    const csv = stringify({ bom: true, delimiter: ';', record_delimiter: 'windows' });
    return pipeline(Readable.from(records(query, timezone, audit)), csv, (error) => {
      if (error) this.logger.warn({ err: error }, 'users.csv export stopped');
    });
  }
}

/** The columns the export reads, as raw values (no entity hydration: a third of the time at 100 000 rows). */
const COLUMNS: [expression: string, alias: keyof ExportedClient][] = [
  ['u.id', 'id'],
  ['u.telegram_id', 'telegramId'],
  ['u.username', 'username'],
  ['u.first_name', 'firstName'],
  ['u.last_name', 'lastName'],
  ['u.language_code', 'languageCode'],
  ['u.source', 'source'],
  ["DATE_FORMAT(u.birth_date, '%Y-%m-%d')", 'birthDate'],
  ['u.is_subscribed', 'isSubscribed'],
  ['u.status', 'status'],
  ['u.tags', 'tags'],
  ['u.notes', 'notes'],
  ['u.referral_code', 'referralCode'],
  ['u.referred_by_user_id', 'referredByUserId'],
  ['u.is_test', 'isTest'],
  ['u.last_activity_at', 'lastActivityAt'],
  ['u.created_at', 'createdAt'],
];

type RawClient = { [K in keyof ExportedClient]: unknown };

/** A raw row as ExportedClient: MariaDB hands JSON over as text, MySQL as a value; flags come as 0/1. */
function toClient(raw: RawClient): ExportedClient {
  const tags = typeof raw.tags === 'string' ? (JSON.parse(raw.tags) as unknown) : raw.tags;
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: Number(raw.id),
    telegramId: raw.telegramId === null ? null : Number(raw.telegramId),
    username: text(raw.username),
    firstName: text(raw.firstName),
    lastName: text(raw.lastName),
    languageCode: text(raw.languageCode),
    source: String(raw.source),
    birthDate: text(raw.birthDate),
    isSubscribed: Number(raw.isSubscribed) === 1,
    status: raw.status as ExportedClient['status'],
    tags: Array.isArray(tags) ? tags.map(String) : [],
    notes: text(raw.notes),
    referralCode: text(raw.referralCode),
    referredByUserId: raw.referredByUserId === null ? null : Number(raw.referredByUserId),
    isTest: Number(raw.isTest) === 1,
    lastActivityAt: raw.lastActivityAt === null ? null : new Date(raw.lastActivityAt as Date),
    createdAt: new Date(raw.createdAt as Date),
  };
}

async function* records(
  query: SelectQueryBuilder<User>,
  timezone: string,
  audit: (rows: number, completed: boolean) => void,
): AsyncGenerator<string[]> {
  const toRow = userCsvRows(timezone);
  const page = query.clone().select(COLUMNS[0][0], COLUMNS[0][1]);
  for (const [expression, alias] of COLUMNS.slice(1)) page.addSelect(expression, alias);
  // Keyset on the primary key: the whole export is one pass over the table, whatever the filters.
  const batchAfter = (after: number) => {
    const batch = page
      .clone()
      .andWhere('u.id > :exportAfter', { exportAfter: after })
      .orderBy('u.id', 'ASC')
      .limit(EXPORT_BATCH)
      .getRawMany<RawClient>();
    batch.catch(() => undefined); // awaited below; a download dropped early must not leave it unhandled
    return batch;
  };
  let rows = 0;
  let completed = false;
  try {
    // The first page before the header: a database that fails at once gets an error answer, not a file.
    let batch = await batchAfter(0);
    yield [...USER_CSV_HEADER];
    for (;;) {
      const full = batch.length === EXPORT_BATCH;
      // The next page is read while this one is written out.
      const next = full ? batchAfter(Number(batch[batch.length - 1].id)) : null;
      for (const raw of batch) {
        yield toRow(toClient(raw));
        rows += 1;
      }
      if (!next) break;
      batch = await next;
    }
    completed = true;
  } finally {
    audit(rows, completed);
  }
}

/** The filters as the audit log keeps them: the search text may be a client's name, so only its presence. */
function auditedFilters(filter: UserListFilter): Record<string, unknown> {
  const { q, ...rest } = filter;
  return q ? { ...rest, q: '[search]' } : { ...rest };
}
