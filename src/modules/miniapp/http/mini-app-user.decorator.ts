import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { MiniAppPrincipal } from '../../../common/auth/access';

/** The Telegram user whose initData the guard verified (routes with @MiniAppAccess only). */
export const MiniAppUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{ miniApp?: MiniAppPrincipal }>();
  if (!request.miniApp) throw new Error('@MiniAppUser() on a route without @MiniAppAccess()');
  return request.miniApp;
});
