/**
 * The reference model's rules for firmware updates (twin/cloud/firmware-updates.ts restated): admins and owners
 * only (2203), an unknown lock 3104, a version that is not `major.minor.patch`, an older escutcheon (updated at the
 * door, not over the mesh), or a version not newer than the lock's are 2207, an IQ that cannot reach the cloud
 * 3105. Once an update of a lock was accepted, whether the next one finds it still running, or the lock on the new
 * version, depends on the radio: the model judges no later request of that lock (and stays on track: an update
 * changes no access). The version a lock runs is judged by firmware-watch.ts.
 */
import type { LockKind } from '../../../twin/index.ts';

/** Every lock runs this until an update completes (the twin's factory version). */
export const modelFactoryFirmware = '1.0.0';

type FirmwareVerdict =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'refused'; readonly code: number; readonly why: string }
  | { readonly kind: 'not-judged' };

export interface FirmwareRequest {
  readonly actorRank: number;
  readonly adminRank: number;
  readonly lock: { readonly kind?: LockKind; readonly iqConnected: boolean } | undefined;
  readonly lockId: unknown;
  readonly version: unknown;
}

function parts(version: unknown): number[] | undefined {
  if (typeof version !== 'string' || version.length > 14) return undefined;
  const pieces = version.split('.');
  if (pieces.length !== 3 || !pieces.every((piece) => /^\d{1,4}$/.test(piece))) return undefined;
  return pieces.map(Number);
}

export class FirmwareModel {
  /** Locks with an accepted update: their later requests are the radio's business. */
  private readonly updated = new Set<string>();

  judge(request: FirmwareRequest): FirmwareVerdict {
    const refused = (code: number, why: string): FirmwareVerdict => ({ kind: 'refused', code, why });
    if (typeof request.lockId !== 'string') return refused(1101, 'the lock id is not a string');
    if (request.lock === undefined) return refused(3104, `no lock ${request.lockId}`);
    if (request.actorRank < request.adminRank) return refused(2203, 'only admins update firmware');
    const target = parts(request.version);
    if (target === undefined) return refused(2207, 'the version is not major.minor.patch');
    if (request.lock.kind === 'escutcheon') return refused(2207, 'an older escutcheon takes no update');
    if (this.updated.has(request.lockId)) return { kind: 'not-judged' };
    const factory = parts(modelFactoryFirmware) as number[];
    const newer = target.findIndex((part, index) => part !== factory[index]);
    if (newer === -1 || (target[newer] as number) < (factory[newer] as number))
      return refused(2207, `${String(request.version)} is not newer than ${modelFactoryFirmware}`);
    if (!request.lock.iqConnected) return refused(3105, 'the lock’s IQ is not connected');
    this.updated.add(request.lockId);
    return { kind: 'accepted' };
  }
}
