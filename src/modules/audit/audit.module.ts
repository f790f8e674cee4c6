import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRecorder } from './events/audit-recorder';
import { AuditLog } from './persistence/audit-log.entity';

/** The audit log: records the auditable events other modules publish. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog])],
  providers: [AuditRecorder],
})
export class AuditModule {}
