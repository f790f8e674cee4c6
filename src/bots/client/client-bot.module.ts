import { Module } from '@nestjs/common';

/**
 * The client bot's update handlers (registered on the `client` bot only). Empty until the client bot
 * feature (SPEC 3) adds its @Update class here; until then client updates are received, de-duplicated,
 * counted and left unanswered.
 */
@Module({})
export class ClientBotModule {}
