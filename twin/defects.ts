/**
 * Defects: known classes of firmware and cloud bugs, switchable by name, so a firmware developer can write a field
 * bug down as a defect plus a scenario, and so the property suite can prove it catches each one. With no defect
 * switched on, the twin behaves as the service should.
 */
export const defectCatalog = {
  'eom-never-autolocks': 'firmware: a lock in Easy Office Mode stays open when its EOM schedule ends',
  'blocked-tag-still-opens': 'firmware: a tag marked blocked in the lock’s data still opens',
  'audit-doubled-on-reconnect':
    'cloud: audit events sent again after a lost acknowledgement are stored twice',
  'not-closed-at-30s': 'firmware: NOT CLOSED is raised after 30 s instead of 38 s',
  'mom-without-permission':
    'firmware: a tag held over 5 s toggles Manual Office Mode without the MOM permission',
  'remote-open-iq-offline': 'cloud: remote opening is reported as sent even when the IQ is offline',
  'weakest-lock-answers-tap':
    'firmware: the lock hearing a phone tap most weakly takes it, below the tap threshold',
  'schedule-in-utc': 'firmware: access schedules are judged in UTC instead of the site’s time zone',
  'relock-never': 'firmware: a lock opened by a credential never relocks',
  'battery-replacement-keeps-alert':
    'cloud: a lock’s battery replacement reaches the entries log but its low-battery alert stays active',
  'clock-never-corrected':
    'firmware: a lock ignores the time its IQ sends with each heartbeat and keeps deciding on its drifted clock',
  'door-opens-before-motor':
    'firmware: the outside handle gives the moment an opening is granted (and stops the moment the lock relocks), before the motor has turned',
  'eom-ignores-new-schedules':
    'firmware: a lock in Easy Office Mode keeps the end it planned when its EOM schedules change or are removed',
  'mom-ignored-in-eom':
    'firmware: Manual Office Mode from the cloud is acknowledged and ignored while the lock is in Easy Office Mode',
  'remote-ignores-access':
    'cloud: a user with the remote-opening or MOM permission commands locks outside their access groups',
  'iq-off-locks-online': 'cloud: the locks of an IQ without power or internet still read online',
  'pin-expiry-ignored': 'firmware: a keypad lock takes a PIN past its expiry date while it still holds it',
  'offline-list-ignored':
    'firmware: a lock cut off from its IQ opens for every credential it holds, not only those on its offline list',
  'incident-not-notified': 'cloud: an incident the alert board raises is never sent to the owner',
  'refused-attempt-not-notified':
    'cloud: notification rules fire on openings only, never on refused attempts',
  'revocation-never-reaches-phone':
    'app: a phone keeps a digital key the cloud revoked, and presents it at the locks',
  'privacy-not-enforced':
    'firmware: a lock in privacy mode (inside knob turned) still opens for users without the override-privacy permission',
  'tamper-not-reported': 'cloud: a lock’s tamper entry reaches the entries log but raises no tamper alert',
  'gate-relay-never-releases':
    'firmware: a wall reader’s controller keeps its relay energised after the exit button or an opening, so the gate never locks again',
  'firmware-update-bricks-on-failure':
    'firmware: a lock that gives a firmware update up marks the half-received image as its running version',
} as const;

export type DefectName = keyof typeof defectCatalog;
export const defectNames = Object.keys(defectCatalog).sort() as DefectName[];

export function isDefectName(name: string): name is DefectName {
  return Object.hasOwn(defectCatalog, name);
}

/** The defects switched on for one run (none by default). */
export class Defects {
  private readonly on: ReadonlySet<DefectName>;

  constructor(names: readonly string[] = []) {
    const unknown = names.filter((name) => !isDefectName(name));
    if (unknown.length > 0)
      throw new RangeError(`unknown defect ${unknown.join(', ')} (known: ${defectNames.join(', ')})`);
    this.on = new Set(names as DefectName[]);
  }

  has(name: DefectName): boolean {
    return this.on.has(name);
  }

  list(): DefectName[] {
    return [...this.on].sort();
  }
}
