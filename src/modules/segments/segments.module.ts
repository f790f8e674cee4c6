import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  CreateSegmentHandler,
  DeleteSegmentHandler,
  UpdateSegmentHandler,
} from './commands/segment-commands';
import { SegmentsController } from './http/segments.controller';
import { Segment } from './persistence/segment.entity';
import {
  CountSegmentHandler,
  ListSegmentMemberIdsHandler,
  ResolveSegmentHandler,
} from './queries/resolve-segment.query';
import { SegmentAudience } from './queries/segment-audience';
import {
  GetSegmentHandler,
  ListSegmentNamesHandler,
  ListSegmentsHandler,
  PreviewSegmentHandler,
} from './queries/segment-queries';

/**
 * Segments: saved audiences whose rule trees compile to one parameterised SQL condition over users; the
 * admin API to keep them, preview a filter and count a segment. Other modules get data, never a query
 * builder: ResolveSegmentQuery (a SQL condition over `users u` with its parameters), ListSegmentMemberIdsQuery
 * (ids in pages), CountSegmentQuery, ListSegmentNamesQuery.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Segment])],
  controllers: [SegmentsController],
  providers: [
    SegmentAudience,
    ResolveSegmentHandler,
    CountSegmentHandler,
    ListSegmentMemberIdsHandler,
    ListSegmentNamesHandler,
    ListSegmentsHandler,
    GetSegmentHandler,
    PreviewSegmentHandler,
    CreateSegmentHandler,
    UpdateSegmentHandler,
    DeleteSegmentHandler,
  ],
})
export class SegmentsModule {}
