/**
 * The vocabulary of rights that the site spec, the cloud and the locks share: the roles a site user may hold and
 * the features a subscription may include.
 */
export const roles = ['owner', 'admin', 'super-user', 'user', 'guest', 'installer'] as const;
export type Role = (typeof roles)[number];

export const features = [
  'remote-opening',
  'office-modes',
  'pods',
  'notifications',
  'digital-keys',
  'pin-codes',
  /** PINs a client chooses (`PUT …/pin {pin}`); without it the cloud generates every PIN. */
  'custom-pin',
] as const;
export type Feature = (typeof features)[number];
