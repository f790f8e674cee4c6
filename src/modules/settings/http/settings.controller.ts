import { adminActor } from '../../../common/auth/admin-actor';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptions, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { ErrorCode } from '../../../common/errors/error-code';
import { ApiErrors } from '../../../common/http/api-answers';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { ChangeSettingCommand } from '../commands/change-setting.command';
import { publicSettingValue } from '../domain/check-setting';
import { SETTING_DEFINITIONS, SETTING_KEYS } from '../domain/setting-definitions';
import { GetSettingsQuery } from '../queries/get-settings.query';

/** A setting's value: any JSON of the key's type (a number, a string, a boolean, a list, an object or null). */
const SETTING_VALUE: ApiPropertyOptions = {
  oneOf: [
    { type: 'number' },
    { type: 'string' },
    { type: 'boolean' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: true, nullable: true },
  ],
};

export class ChangeSettingBody {
  @ApiProperty({
    ...SETTING_VALUE,
    description: "The new value, of the key's type (see GET /settings: `expected`)",
    example: 25,
  })
  // Any JSON (null included); the key's own schema judges it (SETTING_INVALID).
  @Allow()
  value: unknown;
}

export class SettingView {
  @ApiProperty({ example: 'broadcast.rate_per_second' }) key: string;
  @ApiProperty({ ...SETTING_VALUE, description: 'Current value; secrets are masked', example: 25 })
  value: unknown;
  @ApiProperty({ ...SETTING_VALUE, description: 'The value when nobody has set one', example: 25 })
  defaultValue: unknown;
  @ApiProperty({ example: 'a number 0.01..1000' }) expected: string;
  @ApiProperty({ example: 'Messages per second a broadcast sends at most' }) description: string;
}

export class SettingChangedView {
  @ApiProperty({ example: 'broadcast.rate_per_second' }) key: string;
  @ApiProperty({ ...SETTING_VALUE, description: 'The new value; secrets are masked', example: 25 })
  value: unknown;
}

@ApiTags('settings')
@Controller('api/v1/settings')
export class SettingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @AnyAdmin()
  @ApiOperation({ summary: 'Every setting with its value, default, expected shape and description' })
  @ApiOkResponse({ type: [SettingView] })
  async list(): Promise<SettingView[]> {
    const values = await this.queries.execute(new GetSettingsQuery());
    return SETTING_KEYS.map((key) => ({
      key,
      value: publicSettingValue(key, values[key]),
      defaultValue: publicSettingValue(key, SETTING_DEFINITIONS[key].defaultValue),
      expected: SETTING_DEFINITIONS[key].expected,
      description: SETTING_DEFINITIONS[key].description,
    }));
  }

  @Put(':key')
  @Roles('owner')
  @ApiOperation({
    summary: 'Change one setting (owner)',
    description:
      'SETTING_NOT_FOUND for an unknown key, SETTING_INVALID for a value that does not fit. Every replica sees the change at once.',
  })
  @ApiOkResponse({ type: SettingChangedView })
  @ApiErrors(ErrorCode.SETTING_NOT_FOUND, ErrorCode.SETTING_INVALID)
  async change(
    @Param('key') key: string,
    @Body() body: ChangeSettingBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<SettingChangedView> {
    const changed = await this.commands.execute(new ChangeSettingCommand(key, body.value, adminActor(admin)));
    return { key: changed.key, value: publicSettingValue(changed.key, changed.value) };
  }
}
