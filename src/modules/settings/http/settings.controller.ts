import { adminActor } from '../../../common/auth/admin-actor';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { ChangeSettingCommand } from '../commands/change-setting.command';
import { publicSettingValue } from '../domain/check-setting';
import { SETTING_DEFINITIONS, SETTING_KEYS } from '../domain/setting-definitions';
import { GetSettingsQuery } from '../queries/get-settings.query';

export class ChangeSettingBody {
  @ApiProperty({
    description: "The new value, of the key's type (see GET /settings: `expected`)",
    example: 25,
  })
  // Any JSON (null included); the key's own schema judges it (SETTING_INVALID).
  @Allow()
  value: unknown;
}

export class SettingView {
  @ApiProperty({ example: 'broadcast.rate_per_second' }) key: string;
  @ApiProperty({ description: 'Current value; secrets are masked' }) value: unknown;
  @ApiProperty() defaultValue: unknown;
  @ApiProperty({ example: 'a number 0.01..1000' }) expected: string;
  @ApiProperty() description: string;
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
  async change(
    @Param('key') key: string,
    @Body() body: ChangeSettingBody,
    @CurrentAdmin() admin: AdminPrincipal,
  ): Promise<{ key: string; value: unknown }> {
    const changed = await this.commands.execute(new ChangeSettingCommand(key, body.value, adminActor(admin)));
    return { key: changed.key, value: publicSettingValue(changed.key, changed.value) };
  }
}
