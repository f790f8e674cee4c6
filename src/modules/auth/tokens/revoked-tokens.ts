import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock/clock';

/** Expired rows removed per logout: the table stays small without a job of its own. */
const CLEAN_UP_BATCH = 100;

/**
 * The deny-list of logged-out tokens, by jti, in the database (admin_revoked_tokens) until the token would
 * have expired anyway. Not in Redis: losing Redis's data must never make a logged-out token work again.
 * The guard reads it by primary key on every admin request.
 */
@Injectable()
export class RevokedTokens {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async revoke(jti: string, adminId: number, exp: number): Promise<void> {
    const now = this.clock.now();
    const expiresAt = new Date(exp * 1000);
    if (expiresAt <= now) return;
    await this.dataSource.query(
      'INSERT IGNORE INTO admin_revoked_tokens (jti, admin_id, expires_at) VALUES (?, ?, ?)',
      [jti, adminId, expiresAt],
    );
    await this.dataSource.query('DELETE FROM admin_revoked_tokens WHERE expires_at < ? LIMIT ?', [
      now,
      CLEAN_UP_BATCH,
    ]);
  }

  async isRevoked(jti: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT 1 AS revoked FROM admin_revoked_tokens WHERE jti = ?', [
      jti,
    ])) as unknown[];
    return rows.length > 0;
  }
}
