import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Access, ACCESS_METADATA } from '../../src/common/auth/access';
import { TestApp } from './test-app';

export interface Route {
  method: string;
  /** The path with every parameter set to `1` (`/api/v1/users/1`). */
  path: string;
  /** The path as declared (`/api/v1/users/:id`). */
  pattern: string;
  /** The parameter names in `pattern`, in order. */
  params: string[];
  access: Access;
  /** `Controller.method`. */
  name: string;
}

/** Every route the running app registered, read from Nest's own metadata, with its access declaration. */
export function registeredRoutes(t: TestApp): Route[] {
  const scanner = t.get(MetadataScanner);
  return t
    .get(DiscoveryService)
    .getControllers()
    .flatMap((wrapper) => {
      const controller = wrapper.metatype as object;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, () => unknown>;
      return scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) return [];
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const pattern = `/${[prefix, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        const access = (Reflect.getMetadata(ACCESS_METADATA, handler) ??
          Reflect.getMetadata(ACCESS_METADATA, controller)) as Access;
        return [
          {
            method: RequestMethod[method],
            path: pattern.replace(/:\w+/g, '1'),
            pattern,
            params: [...pattern.matchAll(/:(\w+)/g)].map((match) => match[1]),
            access,
            name: `${(controller as { name: string }).name}.${name}`,
          },
        ];
      });
    });
}
