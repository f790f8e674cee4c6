import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Admin } from '../staff/persistence/admin.entity';
import { IssueLinkCodeHandler } from './commands/issue-link-code.command';
import { IssueTelegramLoginTokenHandler } from './commands/issue-telegram-login-token.command';
import { LinkAdminTelegramHandler } from './commands/link-admin-telegram.command';
import { LogInWithTelegramHandler } from './commands/log-in-with-telegram.command';
import { LogInHandler } from './commands/log-in.command';
import { LogOutHandler } from './commands/log-out.command';
import { AccessCheck } from './guards/access-check';
import { AccessGuard } from './guards/access.guard';
import { AuthController } from './http/auth.controller';
import { PosPingController } from './http/pos-ping.controller';
import { AccessTokens } from './tokens/access-tokens';
import { LoginAttempts } from './tokens/login-attempts';
import { OneTimeTokens } from './tokens/one-time-tokens';
import { RevokedTokens } from './tokens/revoked-tokens';

/** Admin authentication (password, Telegram one-time token, JWT) and the access guard of every route. */
@Module({
  imports: [
    DiscoveryModule,
    TypeOrmModule.forFeature([Admin]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    // Per client IP on the auth routes; the per-username lockout is LoginAttempts (Redis, all replicas).
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: 10 }]),
  ],
  controllers: [AuthController, PosPingController],
  providers: [
    AccessTokens,
    RevokedTokens,
    OneTimeTokens,
    LoginAttempts,
    AccessCheck,
    { provide: APP_GUARD, useClass: AccessGuard },
    LogInHandler,
    LogInWithTelegramHandler,
    LogOutHandler,
    IssueTelegramLoginTokenHandler,
    IssueLinkCodeHandler,
    LinkAdminTelegramHandler,
  ],
})
export class AuthModule {}
