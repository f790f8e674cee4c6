import { Actor } from '../audit/audit-entry';
import { AdminPrincipal } from './access';

/** The admin behind a request, as the actor of the commands it dispatches (and of their audit rows). */
export function adminActor(admin: AdminPrincipal): Actor {
  return { type: 'admin', id: admin.id };
}
