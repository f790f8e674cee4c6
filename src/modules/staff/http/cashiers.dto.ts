import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { CASHIER_STATUSES, CashierStatus } from '../domain/cashier-status';

export class ListCashiersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASHIER_STATUSES })
  @IsOptional()
  @IsIn(CASHIER_STATUSES)
  status?: CashierStatus;

  @ApiPropertyOptional({ description: 'Part of the full name, any case', example: 'иван' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  q?: string;
}

export class CashierResponse {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'The Telegram user id the cashier uses the staff bot from' })
  telegramId: number;
  @ApiProperty({ example: 'Иванова Анна' }) fullName: string;
  @ApiProperty({ enum: CASHIER_STATUSES }) status: CashierStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'The owner who decided last' })
  decidedByAdminId: number | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
