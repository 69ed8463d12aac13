/**
 * Transitions the twin takes without an XState macrostep, so inspection never sees them, and the trace event
 * that shows each one taken. Only one today: a campus day has a million and a half heartbeat answers, so the
 * network hands each to the IQ's own `HEARTBEAT_ACK` action directly (`recordHeartbeatAnswer`), in state `on`
 * only, as the machine would. An answer's last radio hop, delivered to a powered IQ, shows that transition (the
 * hop is traced as it leaves; it arrives milliseconds later, and an IQ that loses power in between is rare).
 */
import type { TracedTwinEvent, Twin } from '../../../twin/index.ts';

export interface BypassedTransition {
  /** The transition's id, as machine-graph.ts names it. */
  readonly transition: string;
  /** Whether this trace event shows the transition taken, in this twin. */
  readonly takenBy: (twin: Twin, traced: TracedTwinEvent) => boolean;
}

export const bypassedTransitions: readonly BypassedTransition[] = [
  {
    transition: 'iq.on:HEARTBEAT_ACK',
    takenBy: (twin, { event }) =>
      event.kind === 'radio.hop' &&
      event.msg === 'hb-ack' &&
      event.ok &&
      twin.spec.iqs.some((iq) => iq.id === event.to) &&
      twin.iqView(event.to).powered,
  },
];
