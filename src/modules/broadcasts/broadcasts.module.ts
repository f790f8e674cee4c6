import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdoptStaffMediaHandler } from './commands/adopt-staff-media.command';
import { CreateBroadcastHandler, UpdateBroadcastHandler } from './commands/broadcast-drafts.commands';
import { CancelBroadcastHandler } from './commands/cancel-broadcast.command';
import { ScheduleBroadcastHandler } from './commands/schedule-broadcast.command';
import { SendBroadcastChunkHandler } from './commands/send-broadcast-chunk.command';
import { SendTestBroadcastHandler } from './commands/send-test-broadcast.command';
import { SettleBroadcastHandler } from './commands/settle-broadcast.command';
import { StartBroadcastHandler } from './commands/start-broadcast.command';
import { SweepBroadcastsHandler } from './commands/sweep-broadcasts.command';
import { BroadcastMediaController } from './http/broadcast-media.controller';
import { BroadcastsController } from './http/broadcasts.controller';
import { UploadBroadcastMediaHandler } from './commands/upload-broadcast-media.command';
import { BroadcastMediaPart } from './persistence/broadcast-media-part.entity';
import { BroadcastMedia } from './persistence/broadcast-media.entity';
import { MediaLibrary } from './persistence/media-library';
import { UploadedMediaSource } from './sending/uploaded-media-source';
import { BroadcastScheduleTick } from './jobs/broadcast-schedule.tick';
import { SendBroadcastChunkJob, StartBroadcastJob, SweepBroadcastsJob } from './jobs/broadcast.jobs';
import { BroadcastAudience } from './persistence/broadcast-audience';
import { BroadcastDelivery } from './persistence/broadcast-delivery.entity';
import { BroadcastRecords } from './persistence/broadcast-records';
import { Broadcast } from './persistence/broadcast.entity';
import { DeliveryLedger } from './persistence/delivery-ledger';
import { BroadcastProgressMetrics } from './queries/broadcast-progress-metrics';
import {
  BroadcastAudiencesHandler,
  CountBroadcastAudienceHandler,
} from './queries/broadcast-audiences.query';
import { GetBroadcastStatsHandler } from './queries/broadcast-stats.query';
import { DueBroadcastsHandler, GetBroadcastHandler } from './queries/get-broadcast.query';
import { GetStuckBroadcastsHandler } from './queries/get-stuck-broadcasts.query';
import { ListBroadcastsHandler } from './queries/list-broadcasts.query';
import { BroadcastMessage } from './sending/broadcast-message';
import { SendingLifecycle } from './sending/sending-lifecycle';

/**
 * Broadcasts: drafts, scheduling, cancel and test sends (admin API), and the sending pipeline (minute
 * tick -> start job -> chunk jobs through the client bot's send limiter, shared with the client notices), at
 * most once per recipient through broadcast_deliveries. Audiences come from the segments module (ResolveSegmentQuery); a client who
 * blocked the bot is reported to the users module (MarkClientBlockedCommand).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Broadcast, BroadcastDelivery, BroadcastMedia, BroadcastMediaPart])],
  controllers: [BroadcastMediaController, BroadcastsController],
  providers: [
    BroadcastRecords,
    DeliveryLedger,
    BroadcastAudience,
    BroadcastMessage,
    MediaLibrary,
    UploadedMediaSource,
    UploadBroadcastMediaHandler,
    SendingLifecycle,
    BroadcastProgressMetrics,
    CreateBroadcastHandler,
    UpdateBroadcastHandler,
    ScheduleBroadcastHandler,
    CancelBroadcastHandler,
    SendTestBroadcastHandler,
    AdoptStaffMediaHandler,
    StartBroadcastHandler,
    SendBroadcastChunkHandler,
    SettleBroadcastHandler,
    SweepBroadcastsHandler,
    GetBroadcastHandler,
    DueBroadcastsHandler,
    ListBroadcastsHandler,
    GetStuckBroadcastsHandler,
    GetBroadcastStatsHandler,
    BroadcastAudiencesHandler,
    CountBroadcastAudienceHandler,
    BroadcastScheduleTick,
    StartBroadcastJob,
    SendBroadcastChunkJob,
    SweepBroadcastsJob,
  ],
})
export class BroadcastsModule {}
