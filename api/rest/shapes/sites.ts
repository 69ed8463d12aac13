/**
 * The site and its subscription as the Connect API shows them (snake_case, the contract's fields exactly).
 *
 * - `id` is the site's UUID (what paths take), `site_uid` its short readable code, `customer_reference` its name.
 * - `pin_enabled`: the subscription has the PIN feature (`pin_codes`).
 * - `active_user_amount` and `subscribed_user_amount` both count the users who are not suspended: the twin has no
 *   separate notion of an invited-but-inactive user, and a suspended user holds no seat.
 * - `active_iq_amount`: IQs that have been activated.
 * - The subscription's `type` is `standard` while the subscription is active and `inactive` when not (the twin
 *   models one plan); `user_amount` is its seats; `features` in snake_case (`pin_codes`, `remote_opening`, …).
 */
import { z } from 'zod';
import { features, type CloudState } from '../../../twin/index.ts';
import { siteUid, type ConnectIds } from '../connect-ids.ts';
import { snakeValue } from '../schemas.ts';

/** The subscription's features as the API writes them: `pin_codes`, `remote_opening`, … */
export const featureValues = features.map(snakeValue) as [string, ...string[]];

export const subscriptionTypes = ['standard', 'inactive'] as const;

export const siteSchema = z.object({
  id: z.string().describe('the site’s UUID, as paths take it'),
  site_uid: z.string().describe('the site’s short readable code (`DE4520168385`); not accepted in paths'),
  customer_reference: z.string().describe('the site’s name'),
  time_zone: z.string().describe('IANA time zone of the site’s schedules and local times'),
  pin_enabled: z.boolean().describe('the subscription includes PIN codes'),
  active_user_amount: z.number().int().describe('users who are not suspended'),
  subscribed_user_amount: z.number().int().describe('users holding a seat (not suspended)'),
  active_iq_amount: z.number().int().describe('activated IQs'),
});
export type SiteItem = z.infer<typeof siteSchema>;

export const subscriptionSchema = z.object({
  user_amount: z.number().int().describe('seats: users the site may hold (suspended users hold none)'),
  type: z.enum(subscriptionTypes).describe('`standard` while the subscription is active, else `inactive`'),
  features: z.array(z.enum(featureValues)),
});
export type SubscriptionItem = z.infer<typeof subscriptionSchema>;

function subscribedUsers(state: CloudState): number {
  let count = 0;
  for (const user of state.users.values()) if (user.subscriptionState === 'subscribed') count += 1;
  return count;
}

function activatedIqs(state: CloudState): number {
  let count = 0;
  for (const iq of state.iqs.values()) if (iq.activated) count += 1;
  return count;
}

export function siteView(state: CloudState, ids: ConnectIds, seed: number): SiteItem {
  const { site } = state;
  const users = subscribedUsers(state);
  return {
    id: ids.publicId('site', site.id),
    site_uid: siteUid(seed, site.id),
    customer_reference: site.name,
    time_zone: site.timeZone,
    pin_enabled: site.subscription.features.includes('pin-codes'),
    active_user_amount: users,
    subscribed_user_amount: users,
    active_iq_amount: activatedIqs(state),
  };
}

export function subscriptionView(state: CloudState): SubscriptionItem {
  const { subscription } = state.site;
  return {
    user_amount: subscription.seats,
    type: subscription.active ? 'standard' : 'inactive',
    features: subscription.features.map(snakeValue),
  };
}
