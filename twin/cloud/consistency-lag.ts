/**
 * Eventual consistency, as integrators observed it on the service: right after a guest is created, for up to a
 * minute, parts of the cloud do not know it yet. It reads `roles: []`, setting its PIN is refused (2203) and adding
 * it to an access group answers "User not found" (2202); the same calls succeed later. In the twin this is a
 * fault (the `cloud-lag` input), off by default: a guest created while it is on is "settling" for `lagMs` after
 * its creation, in virtual time.
 */
import type { CoreContext } from './core-context.ts';
import { CloudError } from './error-table.ts';
import type { CloudState, CloudUser } from './model.ts';

/** Whether the cloud does not yet know `user` everywhere. */
export function isSettling(state: CloudState, user: CloudUser, nowUtcMs: number): boolean {
  return (
    state.consistencyLagMs > 0 &&
    user.role === 'guest' &&
    nowUtcMs >= user.createdAtUtcMs &&
    nowUtcMs - user.createdAtUtcMs < state.consistencyLagMs
  );
}

/** Refuses an operation on a user the cloud does not know everywhere yet, with the code the service answers. */
export function requireSettled(context: CoreContext, userId: string, code: 2202 | 2203): void {
  const user = context.state.users.get(userId);
  if (user === undefined || !isSettling(context.state, user, context.hooks.nowUtcMs())) return;
  throw new CloudError(
    code,
    `${userId} was created moments ago and is not known everywhere yet; try again later`,
  );
}
