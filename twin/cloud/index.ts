/** The cloud module's public face: the state model, the error table, building the state from a spec, the core. */
export * from './model.ts';
export * from './error-table.ts';
export * from './state-from-spec.ts';
export * from './cloud-core.ts';
export type { CoreContext } from './core-context.ts';
export { adminLevel, requireFeature, requireLevel } from './rights.ts';
export * from './notifications.ts';
export * from './alerts.ts';
export * from './entries-log.ts';
export * from './access-compiler.ts';
export * from './access-sync.ts';
export type { LockCommand } from './lock-commands.ts';
export * from './otp.ts';
export { iqPinOf, iqSecretOf, otpBlockMs, pinMinusDelta } from './iq-activation.ts';
export { isSettling } from './consistency-lag.ts';
