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
import { ADMIN_REQUESTS_PER_MINUTE, RateLimitGuard } from './guards/rate-limit.guard';
import { AuthController } from './http/auth.controller';
import { PosLimitGuard } from './pos/pos-limit.guard';
import { PosLimits } from './pos/pos-limits';
import { PosUnknownCodesFilter } from './pos/pos-unknown-codes.filter';
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
    // Per admin on admin routes, per client IP on login (RateLimitGuard); in-process counters. The
    // per-username lockout is LoginAttempts (Redis, all replicas).
    ThrottlerModule.forRoot([{ ttl: 60_000, limit: ADMIN_REQUESTS_PER_MINUTE }]),
  ],
  controllers: [AuthController, PosPingController],
  providers: [
    AccessTokens,
    RevokedTokens,
    OneTimeTokens,
    LoginAttempts,
    AccessCheck,
    // Global guards run in this order: who may call, then how often.
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: PosLimitGuard },
    // Global too, but through configureApp: it must come after AllExceptionsFilter there.
    PosUnknownCodesFilter,
    PosLimits,
    LogInHandler,
    LogInWithTelegramHandler,
    LogOutHandler,
    IssueTelegramLoginTokenHandler,
    IssueLinkCodeHandler,
    LinkAdminTelegramHandler,
  ],
})
export class AuthModule {}
