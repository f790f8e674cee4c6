import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'dvorik:public';

/** Marks a controller or route as reachable without a token (health, metrics, login, webhooks). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
