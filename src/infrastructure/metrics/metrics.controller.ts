import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorators';
import { JobQueue } from '../queues/job-queue';
import { Metrics } from './metrics';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly queues: JobQueue,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP latency, queue depth, business counters, process metrics',
    description:
      'Unauthenticated, as scrapers expect: expose it only on the internal network (see DEPLOYMENT.md).',
  })
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(): Promise<string> {
    await this.readQueueDepth();
    return this.metrics.registry.metrics();
  }

  private async readQueueDepth(): Promise<void> {
    for (const queue of this.queues.all()) {
      const counts = await queue.getJobCounts(...QUEUE_STATES);
      for (const state of QUEUE_STATES)
        this.metrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
    }
  }
}
