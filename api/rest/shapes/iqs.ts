/**
 * IQs as the Connect API shows them (ks-connect-contract.md, "Shapes"), their change, the IQ activation's
 * requests and the caller's activated IQs. Ids are public UUIDs.
 *
 * - `online`: the IQ is powered and its internet link is up;
 * - `data_sync_state`: the IQ's push of access data to its locks (`synced`, `pending`, `failed`), `not_synced` for
 *   an IQ not yet activated or without a device in the twin;
 * - `signal_strength`: the twin does not model the IQ's mobile signal; a connected IQ shows
 *   `signalStrengthConnected` (on the service's 0–31 scale), a disconnected one 0;
 * - `restore_required` is always false (the twin does not model IQ restores).
 */
import { z } from 'zod';
import type { CloudIq } from '../../../twin/index.ts';
import type { LiveTwin } from '../../live-twin.ts';
import type { ConnectIds } from '../connect-ids.ts';

export const dataSyncStates = ['synced', 'pending', 'not_synced', 'failed'] as const;
/** What a connected IQ shows as `signal_strength` (the service's IQs report on a 0–31 scale; 21 was seen). */
export const signalStrengthConnected = 21;

export const iqSchema = z.object({
  id: z.string(),
  customer_reference: z.string().describe('the IQ’s name'),
  online: z.boolean().describe('powered and connected to the cloud'),
  otp_enabled: z.boolean().describe('remote opening through this IQ needs a one-time password'),
  restore_required: z.boolean(),
  data_sync_state: z.enum(dataSyncStates),
  signal_strength: z.number().int(),
});

export const iqPatchSchema = z.strictObject({
  otp_enabled: z.boolean().describe('switches the one-time password for remote openings on or off'),
});

export const iqPinChangeSchema = z.strictObject({
  otp: z.string().max(64).describe('a one-time password of the first secret and the current IQ PIN'),
  delta: z
    .string()
    .max(16)
    .describe('4 digits; new PIN = old − delta digit by digit (mod 10); "0000" keeps it'),
});

export const iqSecretSchema = z
  .string()
  .describe('the first secret: a bare JSON string of 32 upper-case hex characters');

export const activatedIqSchema = z.object({
  iq_id: z.string(),
  activated: z.boolean().describe('false between reading the secret or the mailed PIN and the PIN change'),
  activation_date: z.string().nullable().describe('when the PIN was first changed (UTC, whole seconds)'),
});

/** An IQ a site user has activated, as `GET …/users/{user_id}/activated_iqs` lists it. */
export const userActivatedIqSchema = z.object({
  id: z.string(),
  customer_reference: z.string(),
  otp_enabled: z.boolean(),
});

export type IqItem = z.infer<typeof iqSchema>;
export type ActivatedIqItem = z.infer<typeof activatedIqSchema>;

const specIndexes = new WeakMap<LiveTwin, ReadonlyMap<string, LiveTwin['spec']['iqs'][number]>>();

/** The site spec's IQs by id (a spec never changes, so the index is made once per twin). */
function specOf(live: LiveTwin, iqId: string): LiveTwin['spec']['iqs'][number] | undefined {
  let index = specIndexes.get(live);
  if (index === undefined) {
    index = new Map(live.spec.iqs.map((iq) => [iq.id, iq]));
    specIndexes.set(live, index);
  }
  return index.get(iqId);
}

export function iqView(live: LiveTwin, ids: ConnectIds, iq: CloudIq): IqItem {
  const spec = specOf(live, iq.id);
  // An IQ the cloud knows but the twin has no device for is shown as switched off.
  const device = spec === undefined ? undefined : live.twin.iqView(iq.id);
  const online = device?.connected ?? false;
  return {
    id: ids.publicId('iq', iq.id),
    customer_reference: spec?.name ?? iq.id,
    online,
    otp_enabled: iq.otpEnabled,
    restore_required: false,
    data_sync_state: device === undefined || !iq.activated ? 'not_synced' : device.sync,
    signal_strength: online ? signalStrengthConnected : 0,
  };
}

export function userActivatedIqView(
  live: LiveTwin,
  ids: ConnectIds,
  iq: CloudIq,
): z.infer<typeof userActivatedIqSchema> {
  const { id, customer_reference, otp_enabled } = iqView(live, ids, iq);
  return { id, customer_reference, otp_enabled };
}

/** Whole seconds, as the service writes instants (`2026-08-19T07:05:04Z`). */
function utcSeconds(utcMs: number): string {
  return `${new Date(utcMs).toISOString().slice(0, 19)}Z`;
}

export function activatedIqView(
  ids: ConnectIds,
  activation: { readonly iqId: string; readonly activatedAtUtcMs: number | undefined },
): ActivatedIqItem {
  return {
    iq_id: ids.publicId('iq', activation.iqId),
    activated: activation.activatedAtUtcMs !== undefined,
    activation_date:
      activation.activatedAtUtcMs === undefined ? null : utcSeconds(activation.activatedAtUtcMs),
  };
}
