/** Inputs: their schema, how they act, admin actions and their outcomes, device-reference checks. */
export { twinInputSchema, type AdminInput, type TwinInput, type TwinInputType } from './input-schema.ts';
export { adminActionNames, type AdminActionName } from './admin-action-names.ts';
export { isCoreChange, type AdminInputOutcome } from './admin-actions.ts';
export type { AdminOutcome } from './admin-outcomes.ts';
export type { InputOutcome } from './apply-input.ts';
export { checkDeviceReferences } from './device-references.ts';
