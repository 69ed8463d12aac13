/**
 * The admin actions an input may name: what a person does in the app or through the API. Their behaviour is in
 * admin-actions.ts, whose table is keyed by exactly these names.
 */
export const adminActionNames = [
  'add-group-users',
  'add-notification-rule',
  'add-pod-guests',
  'assign-lock-to-iq',
  'block-tag',
  'core',
  'create-access-group',
  'create-pod',
  'issue-key',
  'issue-pin',
  'office-mode',
  'remote-open',
  'remove-group-users',
  'remove-notification-rule',
  'replace-tag',
  'revoke-key',
  'set-alerts',
  'set-eom-schedules',
  'set-group-schedules',
  'set-guest-limit',
  'set-offline-access',
  'set-open-time',
  'set-permissions',
  'set-pin',
  'unblock-tag',
  'update-firmware',
] as const;

export type AdminActionName = (typeof adminActionNames)[number];
