import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../common/auth/access.decorators';
import { LivenessResponse, ReadinessResponse } from './health.dto';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers — сервис работает' })
  @ApiOkResponse({ type: LivenessResponse })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: MySQL and Redis are reachable (503 otherwise, with the failing check)',
  })
  @ApiOkResponse({ type: ReadinessResponse, description: 'Every check is up' })
  @ApiServiceUnavailableResponse({
    type: ReadinessResponse,
    description: "A check is down: Terminus's report (not the error body), for orchestrators and people",
  })
  async ready(@Res({ passthrough: true }) response: Response) {
    try {
      return await this.health.check([
        () => this.database.pingCheck('mysql', { timeout: 1000 }),
        () => this.redis.pingCheck('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus's own report (which check failed and why) is what an orchestrator and a person need.
      response.status(503);
      return error.getResponse();
    }
  }
}
