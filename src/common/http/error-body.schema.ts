import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code';

/** `error` of the shared error body, in the OpenAPI document. */
@ApiSchema({ name: 'ErrorDetail' })
export class ErrorDetailSchema {
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: ErrorCode.VALIDATION_FAILED })
  code: ErrorCode;

  @ApiProperty({
    description: 'For people (English); the bots and the admin panel show their own Russian text per code',
  })
  message: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description:
      'Facts for a program, per code (VALIDATION_FAILED: `{ fields: [{ field, errors }] }`). Mini App answers ' +
      '(/webapp/v1) add `text`: the Russian sentence the page shows',
    example: { fields: [{ field: 'limit', errors: ['limit must not be greater than 100'] }] },
  })
  details: Record<string, unknown> | null;
}

/** The one error shape every HTTP answer uses (common/http/error-body.ts), in the OpenAPI document. */
@ApiSchema({ name: 'ErrorBody', description: 'Every error answer: `{ error: { code, message, details } }`' })
export class ErrorBodySchema {
  @ApiProperty({ type: ErrorDetailSchema })
  error: ErrorDetailSchema;
}
