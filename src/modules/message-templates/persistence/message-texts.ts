import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { RedisKeys } from '../../../infrastructure/redis/redis-keys';
import { MessageKey } from '../domain/message-catalog';
import { MessageTemplate } from './message-template.entity';

const CACHE_TTL_SECONDS = 60;

/** The stored texts of message templates, read through a short Redis cache dropped on every change. */
@Injectable()
export class MessageTexts {
  constructor(
    @InjectRepository(MessageTemplate) private readonly templates: Repository<MessageTemplate>,
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async text(key: MessageKey): Promise<string> {
    const cacheKey = this.keys.key('cache', 'message-template', key);
    const cached = await this.redis.get(cacheKey);
    if (cached !== null) return cached;
    const template = await this.templates.findOneBy({ key });
    if (!template)
      throw new DomainError(ErrorCode.MESSAGE_TEMPLATE_NOT_FOUND, `No message template "${key}"`, { key });
    await this.redis.set(cacheKey, template.text, 'EX', CACHE_TTL_SECONDS);
    return template.text;
  }

  async forget(key: MessageKey): Promise<void> {
    await this.redis.del(this.keys.key('cache', 'message-template', key));
  }
}
