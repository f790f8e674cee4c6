import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CASHIER_STATUSES } from '../../staff/domain/cashier-status';

export class TodayRedemptionResponse {
  @ApiProperty({ type: String, nullable: true, example: 'K7M2QX9A' }) code: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ example: '06.12.2026 12:30', description: 'Shop time' }) atText: string;
}

export class ScannerResponse {
  @ApiProperty({
    enum: [...CASHIER_STATUSES, 'none'],
    description: '`none`: never applied in the staff bot; only `approved` may check and redeem',
  })
  status: string;
  @ApiProperty({ type: String, nullable: true, example: 'Мария Иванова' }) fullName: string | null;
  @ApiProperty({
    type: [TodayRedemptionResponse],
    description: "The cashier's redemptions of today, newest first",
  })
  today: TodayRedemptionResponse[];
}

export class ScannedCodeBody {
  @ApiProperty({
    example: 'K7M2QX9A',
    description: 'As scanned or typed: case, spaces and dashes do not matter',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  code: string;
}

export class ScannerCardResponse {
  @ApiProperty({ example: 'K7M2QX9A' }) code: string;
  @ApiProperty({ example: '10 %' }) valueText: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Анна' }) clientFirstName: string | null;
  @ApiProperty({ example: '20.12.2026 18:00', description: 'Shop time, or «бессрочно»' }) expiresText: string;
  @ApiProperty({ type: String, nullable: true, example: '1 500 ₽' }) minPurchaseText: string | null;
  @ApiProperty({ description: 'A shared code is redeemed only at the till' }) shared: boolean;
}

export class ScannerRedemptionResponse extends ScannerCardResponse {
  @ApiProperty({ type: String, format: 'date-time' }) usedAt: string;
  @ApiProperty({ example: '06.12.2026 12:30' }) usedAtText: string;
}
