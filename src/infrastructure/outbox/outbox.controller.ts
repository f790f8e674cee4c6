import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AnyAdmin, Roles } from '../../common/auth/access.decorators';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { ApiErrors, ApiListAnswer } from '../../common/http/api-answers';
import { Clock } from '../../common/clock/clock';
import { Page, PageQueryDto } from '../../common/pagination/page-query.dto';
import { EventBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AdminPrincipal } from '../../common/auth/access';
import { adminActor } from '../../common/auth/admin-actor';
import { CurrentAdmin } from '../../common/auth/current-admin.decorator';
import { OutboxDeliveryRetriedEvent } from './delivery-retried.event';
import { Outbox } from './outbox';
import { FailedDelivery, OutboxDeliveries } from './outbox-deliveries';

export class FailedDeliveryResponse {
  @ApiProperty({ example: '0b7f6c1e-4a9d-4f3e-9d52-8a1f2c3b4d5e', description: "The fact's uuid" })
  eventId: string;
  @ApiProperty({ example: 'gifts.referral-reward' }) consumer: string;
  @ApiProperty({ example: 'discount.redeemed' }) type: string;
  @ApiProperty({ example: 20 }) attempts: number;
  @ApiProperty({ type: String, nullable: true, example: 'Error: connect ECONNREFUSED 127.0.0.1:6379' })
  lastError: string | null;
  @ApiProperty({ description: 'When the fact was recorded' }) createdAt: Date;
  @ApiProperty({ description: 'When the last attempt failed' }) failedAt: Date;
}

export class RetriedDeliveryResponse {
  @ApiProperty() eventId: string;
  @ApiProperty() consumer: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
}

/** The outbox's deliveries that gave up after their last attempt: read them, run one again (owners). */
@ApiTags('jobs')
@Controller('api/v1/outbox')
export class OutboxController {
  constructor(
    private readonly deliveries: OutboxDeliveries,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly dataSource: DataSource,
    private readonly events: EventBus,
  ) {}

  @Get('failed')
  @AnyAdmin()
  @ApiOperation({
    summary:
      'Side effects of facts that failed their last attempt (a referral reward, a notice, ...), newest first',
  })
  @ApiListAnswer(FailedDeliveryResponse)
  async failed(@Query() query: PageQueryDto): Promise<Page<FailedDelivery>> {
    const { items, total } = await this.deliveries.listFailed(query.page, query.limit);
    return { items, total, page: query.page, limit: query.limit };
  }

  @Post('failed/:eventId/:consumer/retry')
  @Roles('owner')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a failed delivery again with a fresh set of attempts; JOB_NOT_FOUND, JOB_NOT_FAILED (409)',
  })
  @ApiOkResponse({ type: RetriedDeliveryResponse })
  @ApiErrors(ErrorCode.JOB_NOT_FOUND, ErrorCode.JOB_NOT_FAILED)
  async retry(
    @Param('eventId') eventId: string,
    @Param('consumer') consumer: string,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<RetriedDeliveryResponse> {
    // The retry and its audit row commit together (an owner's retry is audited as a job's is).
    const fact = new OutboxDeliveryRetriedEvent(eventId, consumer, adminActor(admin));
    const retried = await this.dataSource.transaction(async (manager) => {
      if (!(await this.deliveries.retry(eventId, consumer, this.clock.now(), manager))) return false;
      await this.outbox.record(manager, fact);
      return true;
    });
    if (retried) {
      this.events.publish(fact);
      return { eventId, consumer, status: 'pending' };
    }
    const status = await this.deliveries.statusOf(eventId, consumer);
    if (status === null)
      throw new DomainError(ErrorCode.JOB_NOT_FOUND, `No delivery of ${eventId} to ${consumer}`);
    throw new DomainError(ErrorCode.JOB_NOT_FAILED, `The delivery is ${status}, not failed`);
  }
}
