import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTOR_TYPES, AuditActorType } from '../persistence/audit-log.entity';

/** One line of the audit log: who did what to which record. */
export class AuditLogResponse {
  @ApiProperty({ example: 1045 }) id: number;
  @ApiProperty({ enum: AUDIT_ACTOR_TYPES }) actorType: AuditActorType;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'An admin, cashier or user id, a POS key label, a job name; null for anonymous actors',
  })
  actorId: string | null;
  @ApiProperty({ example: 'discount.redeemed' }) action: string;
  @ApiProperty({ type: String, nullable: true, example: 'discount' }) entityType: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1017' }) entityId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '`{ before, after }`, secrets left out',
    example: { before: { isActive: true }, after: { isActive: false } },
  })
  changes: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty() createdAt: Date;
}
