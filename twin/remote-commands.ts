/**
 * Commands the cloud sends to a lock through its IQ: remote opening and Manual Office Mode on/off. The cloud
 * refuses at once (3105) when the IQ is not connected; the IQ answers 3102 when the lock is offline or does not
 * acknowledge within the command timeout, and 3103 when the lock answered with a refusal (privacy mode). Outcomes arrive in virtual time, like everything else.
 */
import { CloudError } from './cloud/error-table.ts';
import type { VirtualClock } from './kernel/clock.ts';
import type { TwinTrace } from './events.ts';
import type { InternetHop } from './internet-hop.ts';

export type RemoteCommandKind = 'open' | 'office-mode-on' | 'office-mode-off';

export interface RemoteCommand {
  readonly id: number;
  readonly kind: RemoteCommandKind;
  readonly lockId: string;
  readonly userId: string;
  readonly issuedMs: number;
  status: 'pending' | 'succeeded' | 'failed';
  error: CloudError | undefined;
  finishedMs: number | undefined;
}

/** How long the IQ waits for a lock to acknowledge a command before answering 3102. */
export const remoteCommandTimeoutMs = 8_000;
/** Commands remembered; the oldest finished ones are forgotten past this. */
export const remoteCommandsMax = 10_000;

export interface RemoteCommandTransport {
  readonly clock: VirtualClock;
  readonly trace: TwinTrace;
  readonly internet: InternetHop;
  readonly iqOfLock: (lockId: string) => string;
  readonly iqConnected: (iqId: string) => boolean;
  readonly lockOnline: (lockId: string) => boolean;
  /**
   * Carries the command down to the lock and its acknowledgement back up to the IQ (`onAck` at the IQ, with the
   * lock's refusal when it refused: a lock in privacy mode opens only for the override).
   */
  readonly sendToLock: (command: RemoteCommand, onAck: (refusal?: string) => void) => void;
  /** The `remote-open-iq-offline` defect: the cloud answers success for an IQ it cannot reach. */
  readonly claimsSuccessWhenIqOffline?: boolean;
}

export class RemoteCommands {
  private readonly commands: RemoteCommand[] = [];
  private readonly settledListeners = new Map<number, (code: number | null) => void>();
  private nextId = 1;

  constructor(private readonly transport: RemoteCommandTransport) {}

  /** Issues a command the cloud has already allowed; throws 3105 when the lock's IQ is not connected. */
  issue(kind: RemoteCommandKind, userId: string, lockId: string): RemoteCommand {
    const { clock, trace } = this.transport;
    const iqId = this.transport.iqOfLock(lockId);
    const iqConnected = this.transport.iqConnected(iqId);
    if (!iqConnected && this.transport.claimsSuccessWhenIqOffline !== true)
      throw new CloudError(3105, `IQ ${iqId} of lock ${lockId}`);
    const command: RemoteCommand = {
      id: this.nextId++,
      kind,
      lockId,
      userId,
      issuedMs: clock.now(),
      status: 'pending',
      error: undefined,
      finishedMs: undefined,
    };
    this.remember(command);
    trace.record({ kind: 'cloud.command', device: lockId, id: command.id, command: kind, user: userId });
    if (!iqConnected) this.finishLater(command, undefined);
    else this.transport.internet.cross(() => this.atIq(command));
    return command;
  }

  all(): readonly RemoteCommand[] {
    return this.commands;
  }

  /** Calls `listener` once with the command's outcome (null for success, else the error code). */
  onSettled(commandId: number, listener: (code: number | null) => void): void {
    this.settledListeners.set(commandId, listener);
  }

  private atIq(command: RemoteCommand): void {
    const { clock } = this.transport;
    if (!this.transport.lockOnline(command.lockId)) {
      this.finishLater(command, new CloudError(3102, `lock ${command.lockId} is offline`));
      return;
    }
    const timeout = clock.schedule(remoteCommandTimeoutMs, () =>
      this.finishLater(command, new CloudError(3102, `lock ${command.lockId} did not answer`)),
    );
    this.transport.sendToLock(command, (refusal) => {
      clock.cancel(timeout);
      const error =
        refusal === undefined
          ? undefined
          : new CloudError(3103, `lock ${command.lockId} refused: ${refusal}`);
      this.finishLater(command, error);
    });
  }

  /** The IQ's answer travels back to the cloud. */
  private finishLater(command: RemoteCommand, error: CloudError | undefined): void {
    if (command.status !== 'pending') return;
    this.transport.internet.cross(() => {
      if (command.status !== 'pending') return;
      command.status = error === undefined ? 'succeeded' : 'failed';
      command.error = error;
      command.finishedMs = this.transport.clock.now();
      this.transport.trace.record({
        kind: 'cloud.command-result',
        device: command.lockId,
        id: command.id,
        ok: error === undefined,
        code: error?.code ?? null,
      });
      const listener = this.settledListeners.get(command.id);
      this.settledListeners.delete(command.id);
      listener?.(error?.code ?? null);
    });
  }

  private remember(command: RemoteCommand): void {
    this.commands.push(command);
    if (this.commands.length > remoteCommandsMax) {
      const finished = this.commands.findIndex((candidate) => candidate.status !== 'pending');
      this.commands.splice(finished === -1 ? 0 : finished, 1);
    }
  }
}
