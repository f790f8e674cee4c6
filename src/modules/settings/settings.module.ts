import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChangeSettingHandler } from './commands/change-setting.command';
import { SettingsController } from './http/settings.controller';
import { Setting } from './persistence/setting.entity';
import { SettingsStore } from './persistence/settings-store';
import { GetSettingHandler } from './queries/get-setting.query';
import { GetSettingsHandler } from './queries/get-settings.query';

/** The shop's settings: typed keys with schemas, read through a short Redis cache. */
@Module({
  imports: [TypeOrmModule.forFeature([Setting])],
  controllers: [SettingsController],
  providers: [SettingsStore, GetSettingsHandler, GetSettingHandler, ChangeSettingHandler],
})
export class SettingsModule {}
