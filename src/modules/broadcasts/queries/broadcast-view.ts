import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  Broadcast,
  BROADCAST_CONTENT_TYPES,
  BROADCAST_STATUSES,
  BroadcastButton,
  BroadcastContentType,
  BroadcastStatus,
} from '../persistence/broadcast.entity';

/** One URL button under a broadcast. */
export class BroadcastButtonView {
  @ApiProperty({ example: 'В магазин' }) text: string;
  @ApiProperty({ example: 'https://example.com' }) url: string;
}

/** A broadcast as the API shows it. */
@ApiExtraModels(BroadcastButtonView)
export class BroadcastView {
  @ApiProperty() id: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: BROADCAST_CONTENT_TYPES }) contentType: BroadcastContentType;
  @ApiProperty({ type: String, nullable: true, description: 'Telegram HTML' }) text: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Telegram file_id or https URL' })
  media: string | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { $ref: getSchemaPath(BroadcastButtonView) } },
    nullable: true,
    description: 'Rows of URL buttons',
    example: [[{ text: 'В магазин', url: 'https://example.com' }]],
  })
  buttons: BroadcastButton[][] | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null: all active non-test clients' })
  segmentId: number | null;
  @ApiProperty({ enum: BROADCAST_STATUSES }) status: BroadcastStatus;
  @ApiProperty({ type: Date, nullable: true }) scheduledAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) cancelledAt: Date | null;
  @ApiProperty({ type: Number, nullable: true }) createdByAdminId: number | null;
  @ApiProperty({ description: 'Recipients resolved when sending started' }) targetCount: number;
  @ApiProperty() sentCount: number;
  @ApiProperty() failedCount: number;
  @ApiProperty() blockedCount: number;
  @ApiProperty({ description: 'A test broadcast reaches only test clients' }) isTest: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export function toBroadcastView(b: Broadcast): BroadcastView {
  return {
    id: b.id,
    title: b.title,
    contentType: b.contentType,
    text: b.text,
    media: b.media,
    buttons: b.buttons,
    segmentId: b.segmentId,
    status: b.status,
    scheduledAt: b.scheduledAt,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
    cancelledAt: b.cancelledAt,
    createdByAdminId: b.createdByAdminId,
    targetCount: b.targetCount,
    sentCount: b.sentCount,
    failedCount: b.failedCount,
    blockedCount: b.blockedCount,
    isTest: b.isTest,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}
