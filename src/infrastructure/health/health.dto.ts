import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

/** Each check by name (`mysql`, `redis`): `{ status: 'up' | 'down', message? }`. */
const checks = (extra: { description: string; nullable?: boolean; required?: boolean }) =>
  ({
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['status'],
      properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
      additionalProperties: true,
    },
    example: { mysql: { status: 'up' }, redis: { status: 'up' } },
    ...extra,
  }) as ApiPropertyOptions;

/** Terminus's readiness report: the same shape with 200 (all up) and 503 (a check down). */
export class ReadinessResponse {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: string;
  @ApiProperty(checks({ required: false, nullable: true, description: 'The checks that passed' }))
  info?: Record<string, unknown> | null;
  @ApiProperty(checks({ required: false, nullable: true, description: 'The checks that failed' }))
  error?: Record<string, unknown> | null;
  @ApiProperty(checks({ description: 'Every check' })) details: Record<string, unknown>;
}
