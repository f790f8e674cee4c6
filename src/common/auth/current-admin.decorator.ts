import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AdminPrincipal } from './access';

/** The admin the guard authenticated, in a controller method: `@CurrentAdmin() admin: AdminPrincipal`. */
export const CurrentAdmin = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AdminPrincipal =>
    context.switchToHttp().getRequest<Request & { admin: AdminPrincipal }>().admin,
);
