import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { toString as qrToString } from 'qrcode';
import { ClientTelegram } from '../../../infrastructure/telegram/telegram-senders';
import { ListClientCodesQuery } from '../../codes/queries/client-codes.query';
import { expiryText } from '../../codes/domain/shop-time-text';
import { GetSettingQuery } from '../../settings/queries/get-setting.query';
import { miniAppClient } from './mini-app-client';

/** One usable code on the card: what it is worth, until when, and its QR (SVG holding only the code). */
export interface CardCode {
  code: string;
  valueText: string;
  description: string | null;
  expiresAt: string | null;
  /** Shop time `ДД.ММ.ГГГГ ЧЧ:ММ`, or «отмены» for a code without expiry. */
  expiresText: string;
  qrSvg: string;
}

/** Everything the client's card shows on its first screen. */
export interface ClientCard {
  firstName: string | null;
  codes: CardCode[];
  /** `YYYY-MM-DD`, `--MM-DD` without a year, or null: the card then offers the birthday form. */
  birthDate: string | null;
  isSubscribed: boolean;
  channelUrl: string;
  /** `https://t.me/<client bot>?start=ref_<code>`; null when the bot's name is unknown for now. */
  referralLink: string | null;
  contacts: string;
}

export class GetClientCardQuery extends Query<ClientCard> {
  constructor(readonly telegramId: number) {
    super();
  }
}

/** The client's card: usable codes newest first (ListClientCodesQuery, as «🎁 Мои скидки»), and the rest. */
@QueryHandler(GetClientCardQuery)
export class GetClientCardHandler implements IQueryHandler<GetClientCardQuery, ClientCard> {
  private botUsername: string | null = null;

  constructor(
    private readonly queries: QueryBus,
    private readonly telegram: ClientTelegram,
  ) {}

  async execute({ telegramId }: GetClientCardQuery): Promise<ClientCard> {
    const client = await miniAppClient(this.queries, telegramId);
    const [codes, timezone, channelUrl, contacts, bot] = await Promise.all([
      this.queries.execute(new ListClientCodesQuery(client.userId)),
      this.queries.execute(new GetSettingQuery('shop.timezone')),
      this.queries.execute(new GetSettingQuery('channel.url')),
      this.queries.execute(new GetSettingQuery('shop.contacts')),
      this.clientBotUsername(),
    ]);
    return {
      firstName: client.firstName,
      codes: await Promise.all(
        codes.map(async (code) => ({
          code: code.code,
          valueText: code.valueText,
          description: code.description,
          expiresAt: code.expiresAt?.toISOString() ?? null,
          expiresText: expiryText(code.expiresAt, timezone),
          qrSvg: await codeQrSvg(code.code),
        })),
      ),
      birthDate: client.birthDate,
      isSubscribed: client.isSubscribed,
      channelUrl,
      referralLink:
        bot && client.referralCode ? `https://t.me/${bot}?start=ref_${client.referralCode}` : null,
      contacts,
    };
  }

  /** The client bot's @username (getMe once per process); null while Telegram cannot be asked. */
  private async clientBotUsername(): Promise<string | null> {
    if (this.botUsername) return this.botUsername;
    try {
      this.botUsername = (await this.telegram.getMe()).username;
    } catch {
      return null;
    }
    return this.botUsername;
  }
}

/** The QR of a code as SVG: the code and nothing else (as the bot's PNG), quartile error correction. */
function codeQrSvg(code: string): Promise<string> {
  return qrToString(code, { type: 'svg', errorCorrectionLevel: 'Q', margin: 2 });
}
