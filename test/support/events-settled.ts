import { INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EVENTS_HANDLER_METADATA } from '@nestjs/cqrs/dist/decorators/constants';

type Handler = { handle: (event: unknown) => unknown };

/**
 * Counts the event handlers running in `app` (every @EventsHandler provider), and answers a function that
 * resolves once none is running, including handlers started by other handlers. A test asserting that
 * "nothing happened" after an update or a request waits for it: the handling provably finished, however
 * slow the machine, instead of a fixed sleep.
 */
export function trackEventHandlers(app: INestApplication): () => Promise<void> {
  const running = new Set<Promise<unknown>>();
  const providers = app.get(DiscoveryService, { strict: false }).getProviders();
  for (const wrapper of providers) {
    const { metatype, instance } = wrapper as { metatype?: unknown; instance?: Handler };
    if (!metatype || !instance || typeof instance.handle !== 'function') continue;
    if (!Reflect.getMetadata(EVENTS_HANDLER_METADATA, metatype as object)) continue;
    const handle = instance.handle.bind(instance);
    instance.handle = (event: unknown) => {
      // Started at once, as the event bus would: a handler's synchronous part still runs inside publish().
      let done: Promise<unknown>;
      try {
        done = Promise.resolve(handle(event));
      } catch (error) {
        done = Promise.reject(error);
      }
      running.add(done);
      void done.catch(() => undefined).finally(() => running.delete(done));
      return done;
    };
  }
  return async () => {
    // A handler may publish an event whose handlers start later in the same turn: look again after each.
    while (running.size > 0) await Promise.allSettled([...running]);
  };
}
