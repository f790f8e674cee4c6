import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { Admin } from '../persistence/admin.entity';

/**
 * Runs a change to one admin in a transaction that first locks every active owner row, so two owners
 * demoting each other at once cannot both pass the last-owner rule.
 */
@Injectable()
export class AdminAccounts {
  constructor(private readonly dataSource: DataSource) {}

  async change<T>(
    adminId: number,
    work: (admin: Admin, activeOwners: number, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const owners = await manager
        .createQueryBuilder(Admin, 'admin')
        .setLock('pessimistic_write')
        .where('admin.role = :role AND admin.isActive = 1', { role: 'owner' })
        .getMany();
      const admin = await manager.findOneBy(Admin, { id: adminId });
      if (!admin) throw new DomainError(ErrorCode.ADMIN_NOT_FOUND, `No admin #${adminId}`);
      return work(admin, owners.length, manager);
    });
  }
}
