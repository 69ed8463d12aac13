/**
 * `GET /v1.2/me`: the calling platform user's profile, the `user` object a site user nests (shapes/users.ts), so
 * `me.id` is the platform id that group membership and entries use. The API client's token acts as the site's
 * first owner, so it answers that user's profile.
 */
import { defineRoute, type Route } from '../route-table.ts';
import { siteUserSchema, siteUserView } from '../shapes/users.ts';
import { unauthorized } from '../errors.ts';

export const meSchema = siteUserSchema.shape.user;

export const meRoutes: readonly Route[] = [
  defineRoute({
    method: 'get',
    path: '/v1.2/me',
    operationId: 'getMe',
    summary: 'The calling user’s platform profile: platform id, first and last name, email',
    description:
      'With a client-credentials token, the user it acts as (the site’s first owner, else its first admin). `id` is the platform user id (as in `user.id` of a site user and `user_id` of entries), not the site-user id.',
    tag: 'me',
    response: { kind: 'item', schema: meSchema },
    errors: [],
    handle: ({ core, actorId, ids }) => {
      const user = core.state.users.get(actorId);
      // The token's user was checked when the request came in; gone since is a gone token.
      if (user === undefined) throw unauthorized('the token’s user no longer exists');
      return siteUserView(ids, user).user;
    },
  }),
];
