import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginBody {
  @ApiProperty({ example: 'anna' })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class TelegramLoginBody {
  @ApiProperty({ description: 'The one-time token the staff bot gave for /login (single use, 10 minutes)' })
  @IsString()
  @Length(20, 200)
  token: string;
}

export class AccessTokenResponse {
  @ApiProperty({ description: 'JWT (HS256) to send as `Authorization: Bearer <token>`' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires', example: 86400 })
  expiresIn: number;
}

export class LinkCodeResponse {
  @ApiProperty({ description: 'Send `/link <code>` to the staff bot within 10 minutes' })
  code: string;

  @ApiProperty({ example: 600 })
  expiresIn: number;
}

export class MeResponse {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ['owner', 'marketing', 'readonly'] }) role: 'owner' | 'marketing' | 'readonly';
  @ApiProperty({ nullable: true, type: Number }) telegramId: number | null;
}
