/**
 * Which phones hold a digital key, by the reference model: the app learns of its key only over the phone's own
 * internet. A change of the cloud's key (issued, revoked, its user deleted) reaches an online phone within the
 * sync bound; a phone offline keeps what it had until it is back online and has asked (again within the bound).
 * While a change may be on its way, or may have been lost to a phone going offline, the model does not know what
 * the phone holds and judges nothing (`undefined`). Written apart from the twin's sync: a phone that presents a
 * key it cannot hold, or holds back a key it must hold, shows as a disagreement.
 */

/**
 * The longest a key takes from the cloud to an online app: a request up and the answer down on a slow mobile
 * connection, with room to spare (a bound, not the usual time).
 */
export const phoneKeySyncMsMax = 5_000;

interface PhoneState {
  online: boolean;
  /** What the app surely holds (a key or none); undefined while it cannot be known. */
  holds: boolean | undefined;
  /** When a change on its way has surely landed, if the phone stays online till then. */
  settlesAtMs: number | undefined;
  /** The cloud's key as the model last saw it. */
  cloudHas: boolean;
}

export class PhoneKeyModel {
  private readonly phones = new Map<string, PhoneState>();

  constructor(
    phones: readonly { readonly id: string; readonly internet: boolean }[],
    private readonly cloudHas: (phoneId: string) => boolean,
  ) {
    // As the run starts every app holds what the cloud holds (it synced before).
    for (const phone of phones) {
      const has = cloudHas(phone.id);
      this.phones.set(phone.id, {
        online: phone.internet,
        holds: has,
        settlesAtMs: undefined,
        cloudHas: has,
      });
    }
  }

  /** A phone's internet went on or off at `tMs`. */
  setInternet(phoneId: string, on: boolean, tMs: number): void {
    const phone = this.phones.get(phoneId);
    if (phone === undefined) return;
    this.settle(phone, tMs);
    if (on && !phone.online && phone.holds !== phone.cloudHas) phone.settlesAtMs = tMs + phoneKeySyncMsMax;
    // Going offline with a change on its way: it may or may not have landed.
    if (!on && phone.online && phone.settlesAtMs !== undefined) {
      phone.holds = undefined;
      phone.settlesAtMs = undefined;
    }
    phone.online = on;
  }

  /** After any input at `tMs`: notes the phones whose key the cloud (by the model) now holds or not anew. */
  noteCloud(tMs: number): void {
    for (const [phoneId, phone] of this.phones) {
      const has = this.cloudHas(phoneId);
      if (has === phone.cloudHas) continue;
      this.settle(phone, tMs);
      phone.cloudHas = has;
      if (phone.online) phone.settlesAtMs = tMs + phoneKeySyncMsMax;
    }
  }

  /** Whether the phone's app surely holds a key at `tMs` (undefined: not known now). */
  holds(phoneId: string, tMs: number): boolean | undefined {
    const phone = this.phones.get(phoneId);
    if (phone === undefined) return undefined;
    this.settle(phone, tMs);
    return phone.settlesAtMs === undefined ? phone.holds : undefined;
  }

  /** A change on its way to an online phone has landed once its bound has passed (strictly: ties go either way). */
  private settle(phone: PhoneState, tMs: number): void {
    if (phone.settlesAtMs === undefined || tMs <= phone.settlesAtMs) return;
    phone.holds = phone.cloudHas;
    phone.settlesAtMs = undefined;
  }
}
