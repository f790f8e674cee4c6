import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AdminRole } from '../../../common/auth/access';
import { Clock } from '../../../common/clock/clock';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { TOKEN_LIFETIME } from '../domain/login-policy';

export interface AccessTokenClaims {
  sub: string;
  role: AdminRole;
  jti: string;
  iat: number;
  exp: number;
}

/**
 * Admin JWTs: HS256 only (the algorithm is pinned on both sides), 24 hours, `sub`, `role`, `jti`. Expiry is
 * judged by the injectable Clock, so tests can move time instead of waiting a day.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  sign(adminId: number, role: AdminRole): { accessToken: string; expiresIn: number } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const claims: AccessTokenClaims = {
      sub: String(adminId),
      role,
      jti: randomUUID(),
      iat,
      exp: iat + TOKEN_LIFETIME.accessSeconds,
    };
    return {
      accessToken: this.jwt.sign(claims, { algorithm: 'HS256' }),
      expiresIn: TOKEN_LIFETIME.accessSeconds,
    };
  }

  /** The claims of a token this app signed, still valid; AUTH_TOKEN_EXPIRED or AUTH_TOKEN_INVALID else. */
  verify(token: string): AccessTokenClaims {
    let claims: Partial<Record<keyof AccessTokenClaims, unknown>>;
    try {
      claims = this.jwt.verify(token, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') {
        throw new DomainError(ErrorCode.AUTH_TOKEN_EXPIRED, 'The access token has expired; log in again');
      }
      throw new DomainError(ErrorCode.AUTH_TOKEN_INVALID, 'The access token is not valid');
    }
    // Correctly signed is not enough: a token must also have the shape sign() gives it.
    if (!hasOurShape(claims))
      throw new DomainError(ErrorCode.AUTH_TOKEN_INVALID, 'The access token is not valid');
    return claims;
  }
}

/** `sub` an admin id (a positive integer as a string), `jti` a string, `exp` and `iat` numbers. */
function hasOurShape(claims: Partial<Record<keyof AccessTokenClaims, unknown>>): claims is AccessTokenClaims {
  return (
    typeof claims.sub === 'string' &&
    /^[1-9]\d{0,9}$/.test(claims.sub) &&
    Number(claims.sub) <= 4_294_967_295 &&
    typeof claims.jti === 'string' &&
    claims.jti.length > 0 &&
    claims.jti.length <= 64 &&
    typeof claims.exp === 'number' &&
    typeof claims.iat === 'number'
  );
}
