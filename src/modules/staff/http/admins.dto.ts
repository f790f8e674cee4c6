import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ADMIN_ROLES, AdminRole } from '../../../common/auth/access';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class CreateAdminBody {
  @ApiProperty({ example: 'marina', description: '3..64 of letters, digits, `.`, `_`, `-`' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/)
  username: string;

  @ApiProperty({ format: 'password', description: '10..200 characters, not only digits' })
  @IsString()
  @Length(10, 200)
  password: string;

  @ApiProperty({ enum: ADMIN_ROLES })
  @IsIn(ADMIN_ROLES)
  role: AdminRole;
}

export class UpdateAdminBody {
  @ApiPropertyOptional({ enum: ADMIN_ROLES })
  @IsOptional()
  @IsIn(ADMIN_ROLES)
  role?: AdminRole;

  @ApiPropertyOptional({
    description: 'false deactivates: the admin cannot log in and live tokens stop working',
  })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

export class ResetPasswordBody {
  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(10, 200)
  password: string;
}

export class ListAdminsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ADMIN_ROLES })
  @IsOptional()
  @IsIn(ADMIN_ROLES)
  role?: AdminRole;
}

export class AdminResponse {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ADMIN_ROLES }) role: AdminRole;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: Number, nullable: true }) telegramId: number | null;
  @ApiProperty({ type: Date, nullable: true }) lastLoginAt: Date | null;
  @ApiProperty() createdAt: Date;
}
