import { Injectable, OnModuleInit } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from '../../../common/auth/access';

/**
 * Refuses to start when any route lacks an access declaration (@Public, @Roles, @AnyAdmin, @PosAccess,
 * @TelegramWebhook), so nothing becomes public by accident.
 */
@Injectable()
export class AccessCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || !wrapper.instance) continue;
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method] as () => unknown;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (!this.reflector.getAllAndOverride(ACCESS_METADATA, [handler, controller])) {
          undeclared.push(`${controller.name}.${method}`);
        }
      }
    }
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without an access declaration (@Public, @Roles, @PosAccess...): ${undeclared.join(', ')}`,
      );
    }
  }
}
