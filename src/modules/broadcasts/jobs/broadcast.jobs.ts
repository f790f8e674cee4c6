import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DelayedError, Job } from 'bullmq';
import { Clock } from '../../../common/clock/clock';
import { HandlesJob, JobHandler } from '../../../infrastructure/queues/job-handler';
import { JobName, JobPayloads } from '../../../infrastructure/queues/jobs';
import {
  ChunkPayload,
  ChunkResult,
  SendBroadcastChunkCommand,
} from '../commands/send-broadcast-chunk.command';
import { StartBroadcastCommand, StartResult } from '../commands/start-broadcast.command';
import { SweepBroadcastsCommand, SweepResult } from '../commands/sweep-broadcasts.command';

@Injectable()
@JobHandler(JobName.StartBroadcast)
export class StartBroadcastJob implements HandlesJob<JobName.StartBroadcast> {
  constructor(private readonly commands: CommandBus) {}

  handle({ broadcastId }: JobPayloads[JobName.StartBroadcast]): Promise<StartResult> {
    return this.commands.execute(new StartBroadcastCommand(broadcastId));
  }
}

/**
 * One range of recipients. A job that BullMQ starts a second time ran before and died (crash, stall):
 * the command settles that run's sends in flight as `unknown`. Stopped by a shutdown, the job goes back
 * to the queue for another worker without using up an attempt.
 */
@Injectable()
@JobHandler(JobName.SendBroadcastChunk)
export class SendBroadcastChunkJob implements HandlesJob<JobName.SendBroadcastChunk> {
  constructor(private readonly commands: CommandBus) {}

  async handle(payload: ChunkPayload, job: Job<ChunkPayload>): Promise<ChunkResult> {
    const rerun = job.attemptsStarted > 1 || job.attemptsMade > 0;
    const result = await this.commands.execute(new SendBroadcastChunkCommand(payload, rerun));
    if (result.end === 'shutdown') {
      await job.moveToDelayed(Date.now() + 1000, job.token);
      throw new DelayedError();
    }
    return result;
  }
}

@Injectable()
@JobHandler(JobName.SweepBroadcasts)
export class SweepBroadcastsJob implements HandlesJob<JobName.SweepBroadcasts> {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  handle(): Promise<SweepResult> {
    return this.commands.execute(new SweepBroadcastsCommand(this.clock.now()));
  }
}
