/**
 * Outcomes of admin actions applied as inputs, kept (bounded) so that a scenario's expectations can ask how a
 * labelled action ended. Callers that apply an input read its outcome from `Twin.apply`'s answer instead.
 */
import type { AdminActionName } from './admin-action-names.ts';

/** The outcome of one admin action: `code` is null on success. Remote commands settle later. */
export interface AdminOutcome {
  readonly label: string | undefined;
  readonly action: AdminActionName;
  readonly atMs: number;
  code: number | null;
  settled: boolean;
  /** What the operation returned or threw (kept in memory for the caller, never traced). */
  result?: unknown;
  error?: unknown;
}

/** Outcomes kept per run; the oldest are dropped past this. */
export const adminOutcomesMax = 10_000;

export class AdminOutcomeLog {
  private readonly outcomes: AdminOutcome[] = [];

  add(outcome: AdminOutcome): void {
    this.outcomes.push(outcome);
    if (this.outcomes.length > adminOutcomesMax) this.outcomes.shift();
  }

  /** Oldest first. */
  all(): readonly AdminOutcome[] {
    return this.outcomes;
  }
}
