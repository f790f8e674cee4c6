import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `from`/`to`: shop-time dates, both inclusive; the last 30 days by default, at most 366 days. */
export class StatsPeriodQueryDto {
  @ApiPropertyOptional({
    example: '2026-07-01',
    description: 'First shop-time day (YYYY-MM-DD, inclusive); default: 29 days before `to`',
  })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-07-31',
    description: 'Last shop-time day (YYYY-MM-DD, inclusive); default: today in shop time',
  })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  to?: string;
}

export class ByReasonResponse {
  @ApiProperty() subscription!: number;
  @ApiProperty() birthday!: number;
  @ApiProperty() manual!: number;
  @ApiProperty() bulk!: number;
  @ApiProperty() referral!: number;
}

export class KpiUsersResponse {
  @ApiProperty({ description: 'Clients (active or blocked) registered before the end of the period' })
  total!: number;
  @ApiProperty({ description: 'Registrations in the period' }) new!: number;
  @ApiProperty({ description: 'Of total: subscribed to the channel now' }) subscribed!: number;
  @ApiProperty({ description: 'subscribed / total, 0..1' }) subscribedShare!: number;
  @ApiProperty({ description: 'Of total: with a birthday entered' }) birthdaysSet!: number;
  @ApiProperty({ description: 'Registrations in the period through a referral link' }) referrals!: number;
}

export class KpiCodesResponse {
  @ApiProperty({ description: 'Codes issued in the period' }) issued!: number;
  @ApiProperty({ type: ByReasonResponse }) issuedByReason!: ByReasonResponse;
  @ApiProperty({ description: 'Redemptions in the period' }) redeemed!: number;
  @ApiProperty({ type: ByReasonResponse }) redeemedByReason!: ByReasonResponse;
  @ApiProperty({ description: 'Of the codes issued in the period: share redeemed at least once, 0..1' })
  redemptionRate!: number;
}

export class KpiBroadcastsResponse {
  @ApiProperty({ description: 'Broadcasts finished as sent in the period' }) sent!: number;
  @ApiProperty({ description: 'Recipients of the broadcasts finished (sent or failed) in the period' })
  recipients!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() blocked!: number;
  @ApiProperty({ description: 'delivered / recipients, 0..1' }) deliveryRate!: number;
  @ApiProperty({ description: 'blocked / recipients, 0..1' }) blockRate!: number;
}

export class KpiResponse {
  @ApiProperty({ example: '2026-07-01' }) from!: string;
  @ApiProperty({ example: '2026-07-31' }) to!: string;
  @ApiProperty({ type: KpiUsersResponse }) users!: KpiUsersResponse;
  @ApiProperty({ type: KpiCodesResponse }) codes!: KpiCodesResponse;
  @ApiProperty({ type: KpiBroadcastsResponse }) broadcasts!: KpiBroadcastsResponse;
  @ApiProperty({ description: 'Approved cashiers now' }) activeCashiers!: number;
}

export class DailyPointResponse {
  @ApiProperty({ example: '2026-07-14', description: 'Shop-time date' }) date!: string;
  @ApiProperty() newUsers!: number;
  @ApiProperty() codesIssued!: number;
  @ApiProperty() redemptions!: number;
  @ApiProperty({ description: 'Broadcast messages delivered' }) messagesSent!: number;
}

export class DailyResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [DailyPointResponse], description: 'Every day of the period, zeros included' })
  days!: DailyPointResponse[];
}

export class SourceRowResponse {
  @ApiProperty({ example: 'instagram' }) source!: string;
  @ApiProperty({ description: 'Registrations in the period' }) registrations!: number;
  @ApiProperty({ description: 'Of those registrations: subscribed now' }) subscriptions!: number;
  @ApiProperty({ description: 'Redemptions in the period by clients of this source' }) redemptions!: number;
}

export class SourcesResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [SourceRowResponse] }) items!: SourceRowResponse[];
}
