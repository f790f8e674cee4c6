import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CardCodeResponse {
  @ApiProperty({ example: 'K7M2QX9A' }) code: string;
  @ApiProperty({ example: '10 %' }) valueText: string;
  @ApiProperty({ type: String, nullable: true, example: 'Скидка за подписку на канал' })
  description: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiProperty({ example: '20.12.2026 18:00', description: 'Shop time, or «отмены» without expiry' })
  expiresText: string;
  @ApiProperty({ description: 'The QR of the code (SVG markup holding only the code)' }) qrSvg: string;
}

export class ClientCardResponse {
  @ApiProperty({ type: String, nullable: true, example: 'Анна' }) firstName: string | null;
  @ApiProperty({ type: [CardCodeResponse], description: 'Usable codes, newest first (at most 10)' })
  codes: CardCodeResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1990-11-25',
    description: '`YYYY-MM-DD`, `--MM-DD` without a year; null: the card offers the birthday form',
  })
  birthDate: string | null;
  @ApiProperty() isSubscribed: boolean;
  @ApiProperty({ example: 'https://t.me/marmeladny_dvorik' }) channelUrl: string;
  @ApiProperty({ type: String, nullable: true, example: 'https://t.me/dvorik_bot?start=ref_AB12CD' })
  referralLink: string | null;
  @ApiProperty({ example: 'ул. Светланская, 1 · +7 423 000-00-00' }) contacts: string;
}

export class BirthdayBody {
  @ApiProperty({ example: '25.11.1990', description: '`ДД.ММ.ГГГГ` or `ДД.ММ`, as the bot reads it' })
  @IsString()
  @MaxLength(40)
  date: string;
}

export class SavedBirthdayResponse {
  @ApiProperty({ example: '1990-11-25' }) birthDate: string;
  @ApiProperty({ example: '25 ноября 1990' }) text: string;
}

export class SubscriptionCheckResponse {
  @ApiProperty() subscribed: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'K7M2QX9A',
    description: 'The first subscription gift',
  })
  giftCode: string | null;
}
