/**
 * What running one command gives: its result (the `ack`'s) or a refusal (the `error`'s). Each command's result
 * has its schema in `protocol.ts`; `R` lets the code that makes one say which, so the compiler holds it to it.
 */
import type { Refusal } from './refusals.ts';

export type CommandOutcome<R = unknown> = { readonly ok: true; readonly result: R } | Refusal;

export function accepted<R>(result: R): CommandOutcome<R> {
  return { ok: true, result };
}
