import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  CreateSegmentHandler,
  DeleteSegmentHandler,
  UpdateSegmentHandler,
} from './commands/segment-commands';
import { SegmentsController } from './http/segments.controller';
import { Segment } from './persistence/segment.entity';
import { CountSegmentHandler, ResolveSegmentHandler } from './queries/resolve-segment.query';
import { SegmentAudience } from './queries/segment-audience';
import { GetSegmentHandler, ListSegmentsHandler, PreviewSegmentHandler } from './queries/segment-queries';

/**
 * Segments: saved audiences whose rule trees compile to one parameterised SQL condition over users; the
 * admin API to keep them, preview a filter and count a segment; ResolveSegmentQuery / CountSegmentQuery
 * for the modules that act on a segment (broadcasts, bulk actions).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Segment])],
  controllers: [SegmentsController],
  providers: [
    SegmentAudience,
    ResolveSegmentHandler,
    CountSegmentHandler,
    ListSegmentsHandler,
    GetSegmentHandler,
    PreviewSegmentHandler,
    CreateSegmentHandler,
    UpdateSegmentHandler,
    DeleteSegmentHandler,
  ],
})
export class SegmentsModule {}
