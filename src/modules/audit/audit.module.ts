import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRecorder } from './events/audit-recorder';
import { AuditLogsController } from './http/audit-logs.controller';
import { AuditLog } from './persistence/audit-log.entity';
import { ListAuditLogsHandler } from './queries/list-audit-logs.query';

/** The audit log: records the auditable events other modules publish, and lists them for admins. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog])],
  controllers: [AuditLogsController],
  providers: [AuditRecorder, ListAuditLogsHandler],
})
export class AuditModule {}
