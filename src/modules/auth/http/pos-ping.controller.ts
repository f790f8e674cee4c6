import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { PosPrincipal } from '../../../common/auth/access';
import { PosAccess } from '../../../common/auth/access.decorators';

@ApiTags('pos')
@PosAccess()
@Controller('internal/v1')
export class PosPingController {
  @Get('ping')
  @ApiOperation({
    summary: "Checks the till's API key: 200 with the key's number (1-based), else 401 API_KEY_INVALID",
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['ok', 'key'],
      properties: {
        ok: { type: 'boolean', enum: [true] },
        key: { type: 'integer', minimum: 1, description: 'Which of INTERNAL_API_KEYS, from 1' },
      },
      example: { ok: true, key: 1 },
    },
  })
  ping(@Req() request: Request & { pos: PosPrincipal }): { ok: true; key: number } {
    return { ok: true, key: request.pos.keyIndex + 1 };
  }
}
