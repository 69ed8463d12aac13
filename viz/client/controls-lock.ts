/// <reference lib="dom" />
/**
 * The lock panel's actions: every demo action the live protocol allows on one lock, its door and the people at
 * it. The door (open, close, force, hold the inside handle for N s), a person's credentials picked BY NAME (their
 * tag, held over 5 s for office mode, their phone, their PIN), the cloud as the logged-in user (remote opening,
 * Manual Office Mode on/off), admin actions for the chosen person (block or unblock their tag, grant them this
 * lock, add them to an access group), and the lock's own faults (battery level, clock drift). Each group shows
 * the server's answer, or its refusal in words (`words.ts`), under its buttons.
 *
 * The people come from the snapshot's `site` (names, tags, phones, PINs where the connection may see them).
 */
import { byId, html, setText } from './dom.ts';
import type { ClientCommand, CommandOutcome, LockState, SiteSummary } from './protocol.ts';
import { refusalWord } from './words.ts';

type Person = SiteSummary['people'][number];

export interface LockControlsOptions {
  readonly send: (command: ClientCommand) => Promise<CommandOutcome>;
  /** The site as the last snapshot told it (undefined until one did, or from an older server). */
  readonly site: () => SiteSummary | undefined;
  /** The lock the panel is open on, as shown now. */
  readonly lock: () => LockState | undefined;
  /** A virtual time as people read it (the site's time of day and zone). */
  readonly timeOf: (virtualMs: number) => string;
}

/** Longest the handle may be held from the page (the protocol's bound, 10 min). */
const holdSecondsMax = 600;
/** A tag held longer than this toggles office mode on BLUEnet locks (domain: > 5 s). */
const longTagHoldMs = 6_000;
/** The lock's clock may be off by a day at most (the protocol's bound). */
const driftSecondsMax = 86_400;

function appliedAt(result: unknown): number | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const at = (result as { appliedAtMs?: unknown }).appliedAtMs;
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

export class LockControls {
  private peopleDrawn: SiteSummary | undefined;
  /** Tags this page blocked or unblocked since the snapshot (a new snapshot tells the cloud's own view). */
  private readonly blockedNow = new Map<string, boolean>();
  private readonly person = byId<HTMLSelectElement>('person');
  private readonly tag = byId<HTMLSelectElement>('person-tag');
  private readonly phone = byId<HTMLSelectElement>('person-phone');
  private readonly pin = byId<HTMLInputElement>('person-pin');
  private readonly group = byId<HTMLSelectElement>('group');

  constructor(private readonly options: LockControlsOptions) {
    this.person.addEventListener('change', () => this.personChosen());
    this.wireDoor();
    this.wireCredentials();
    this.wireCloud();
    this.wireAdmin();
    this.wireFaults();
  }

  /** Fills the pickers from the site (once per snapshot that changed it). */
  render(): void {
    const site = this.options.site();
    if (site === undefined || site === this.peopleDrawn) return;
    const chosen = this.person.value;
    this.peopleDrawn = site;
    this.blockedNow.clear();
    this.person.replaceChildren(
      ...site.people.map((person) =>
        html(
          'option',
          { value: person.id, title: person.id },
          person.name === person.id ? person.id : person.name,
        ),
      ),
    );
    if (site.people.some((person) => person.id === chosen)) this.person.value = chosen;
    const group = this.group.value;
    this.group.replaceChildren(
      ...site.accessGroups.map((entry) => html('option', { value: entry.id, title: entry.id }, entry.name)),
    );
    if (site.accessGroups.some((entry) => entry.id === group)) this.group.value = group;
    this.personChosen();
  }

  private chosenPerson(): Person | undefined {
    return this.options.site()?.people.find((person) => person.id === this.person.value);
  }

  /** The person's credentials in the pickers: tags (blocked ones marked), phones, the PIN when known. */
  private personChosen(): void {
    const person = this.chosenPerson();
    const tags = person?.tags ?? [];
    const tagChosen = this.tag.value;
    this.tag.replaceChildren(
      ...tags.map((tag, index) =>
        html(
          'option',
          { value: tag.id, title: tag.id },
          `${tags.length > 1 ? `tag ${index + 1}` : 'their tag'}${(this.blockedNow.get(tag.id) ?? tag.blocked) ? ' (blocked)' : ''}`,
        ),
      ),
    );
    if (tags.some((tag) => tag.id === tagChosen)) this.tag.value = tagChosen;
    if (tags.length === 0) this.tag.append(html('option', { value: '' }, 'no tag'));
    const phones = person?.phones ?? [];
    this.phone.replaceChildren(
      ...phones.map((phone, index) =>
        html(
          'option',
          { value: phone, title: phone },
          phones.length > 1 ? `phone ${index + 1}` : 'their phone',
        ),
      ),
    );
    if (phones.length === 0) this.phone.append(html('option', { value: '' }, 'no phone'));
    this.pin.value = person?.pin ?? '';
    this.pin.placeholder = person?.pin === undefined ? '6 digits' : '';
  }

  /** Sends a command for the open lock and shows its answer in `outputId`. */
  private act(
    outputId: string,
    label: string,
    build: (lock: LockState) => ClientCommand | string,
    done?: (result: unknown) => string,
  ): void {
    const output = byId<HTMLOutputElement>(outputId);
    const lock = this.options.lock();
    if (lock === undefined) return;
    const command = build(lock);
    if (typeof command === 'string') {
      this.show(output, { ok: false, code: 'input', message: command }, label);
      return;
    }
    setText(output, `${label}…`);
    output.classList.remove('error');
    void this.options.send(command).then((outcome) => this.show(output, outcome, label, done));
  }

  private show(
    output: HTMLOutputElement,
    outcome: CommandOutcome,
    label: string,
    done?: (result: unknown) => string,
  ): void {
    if (outcome.ok) {
      const at = appliedAt(outcome.result);
      const when = at === undefined ? '' : ` at ${this.options.timeOf(at)}`;
      setText(output, `${label}: ${done?.(outcome.result) ?? 'done'}${when}`);
    } else setText(output, `${label}: ${refusalWord(outcome)}`);
    output.classList.toggle('error', !outcome.ok);
  }

  private button(id: string, onClick: () => void): void {
    byId<HTMLButtonElement>(id).addEventListener('click', onClick);
  }

  private wireDoor(): void {
    const out = 'door-result';
    this.button('door-open', () =>
      this.act(out, 'open the door', (lock) => ({ action: 'open-door', door: lock.doorId })),
    );
    this.button('door-close', () =>
      this.act(out, 'close the door', (lock) => ({ action: 'close-door', door: lock.doorId })),
    );
    this.button('door-force', () =>
      this.act(out, 'force the door', (lock) => ({ action: 'force-door', door: lock.doorId })),
    );
    this.button('door-hold', () => {
      const seconds = Number(byId<HTMLInputElement>('hold-seconds').value);
      this.act(out, `hold the handle ${seconds} s`, (lock) =>
        Number.isInteger(seconds) && seconds >= 1 && seconds <= holdSecondsMax
          ? { action: 'hold-handle', door: lock.doorId, durationMs: seconds * 1000 }
          : `the handle is held 1 to ${holdSecondsMax} whole seconds`,
      );
    });
  }

  private personName(): string {
    const person = this.chosenPerson();
    return person === undefined ? 'nobody' : person.name;
  }

  private wireCredentials(): void {
    const out = 'credential-result';
    this.button('present-tag', () => {
      const long = byId<HTMLInputElement>('tag-long').checked;
      this.act(out, `${this.personName()}'s tag${long ? ' (held)' : ''}`, (lock) =>
        this.tag.value === ''
          ? 'choose a person with a tag'
          : {
              action: 'present-tag',
              tag: this.tag.value,
              lock: lock.id,
              ...(long ? { holdMs: longTagHoldMs } : {}),
            },
      );
    });
    this.button('tap-phone', () =>
      this.act(out, `${this.personName()}'s phone`, (lock) =>
        this.phone.value === ''
          ? 'choose a person with a phone'
          : { action: 'tap-phone', phone: this.phone.value, lock: lock.id },
      ),
    );
    this.button('enter-pin', () => {
      const pin = this.pin.value.trim();
      this.act(out, `PIN of ${this.personName()}`, (lock) =>
        /^\d{6}$/.test(pin) ? { action: 'enter-pin', pin, lock: lock.id } : 'a PIN is 6 digits',
      );
    });
  }

  private wireCloud(): void {
    const out = 'command-result';
    const sent = (): string => 'sent through the IQ';
    // Sent as the logged-in user: the server takes the actor from the token, never from the page.
    this.button('remote-open', () =>
      this.act(out, 'remote open', (lock) => ({ action: 'remote-open', lock: lock.id }), sent),
    );
    this.button('office-on', () =>
      this.act(out, 'office mode on', (lock) => ({ action: 'office-mode', lock: lock.id, on: true }), sent),
    );
    this.button('office-off', () =>
      this.act(out, 'office mode off', (lock) => ({ action: 'office-mode', lock: lock.id, on: false }), sent),
    );
  }

  private wireAdmin(): void {
    const out = 'admin-result';
    const withPerson = (
      label: string,
      build: (person: Person, lock: LockState) => ClientCommand | string,
      done?: (result: unknown) => string,
    ): void => {
      const person = this.chosenPerson();
      this.act(
        out,
        `${label} (${person?.name ?? 'nobody'})`,
        (lock) => (person === undefined ? 'choose a person' : build(person, lock)),
        done,
      );
    };
    // The snapshot's site says which tags were blocked when it was made; the page's own blocks show at once.
    const blocked = (tagId: string, isBlocked: boolean) => (): string => {
      this.blockedNow.set(tagId, isBlocked);
      this.personChosen();
      return 'done';
    };
    this.button('block-tag', () =>
      withPerson(
        'block tag',
        () =>
          this.tag.value === ''
            ? 'they have no tag'
            : { action: 'admin', op: 'block-tag', args: [this.tag.value] },
        blocked(this.tag.value, true),
      ),
    );
    this.button('unblock-tag', () =>
      withPerson(
        'unblock tag',
        () =>
          this.tag.value === ''
            ? 'they have no tag'
            : { action: 'admin', op: 'unblock-tag', args: [this.tag.value] },
        blocked(this.tag.value, false),
      ),
    );
    // A group of its own for this person and lock, every day all day (a group without a schedule grants nothing).
    this.button('grant-lock', () =>
      withPerson('grant this lock', (person, lock) => ({
        action: 'admin',
        op: 'create-access-group',
        args: [
          {
            id: `grant-${person.id}-${lock.id}`.slice(0, 64),
            name: `${person.name} at ${lock.name}`.slice(0, 100),
            userIds: [person.id],
            lockIds: [lock.id],
            schedules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
          },
        ],
      })),
    );
    this.button('grant-group', () =>
      withPerson('add to group', (person) =>
        this.group.value === ''
          ? 'the site has no access group'
          : { action: 'admin', op: 'add-group-users', args: [this.group.value, [person.id]] },
      ),
    );
  }

  private wireFaults(): void {
    const out = 'lock-fault-result';
    this.button('set-battery', () => {
      const level = byId<HTMLSelectElement>('battery-level').value;
      this.act(out, `battery ${level.replace('-', ' ')}`, (lock) =>
        level === 'fresh' || level === 'low' || level === 'very-low'
          ? { action: 'battery', lock: lock.id, level }
          : 'choose a battery level',
      );
    });
    // What the twin refuses for this lock (no knob on a cylinder, a wall reader's batteries, no exit button) comes
    // back as the refusal's words.
    this.button('replace-battery', () =>
      this.act(out, 'new batteries', (lock) => ({ action: 'replace-battery', lock: lock.id })),
    );
    for (const on of [true, false]) {
      this.button(on ? 'tamper-on' : 'tamper-off', () =>
        this.act(out, on ? 'tamper sensor tripped' : 'tamper sensor restored', (lock) => ({
          action: 'tamper',
          lock: lock.id,
          on,
        })),
      );
      this.button(on ? 'privacy-on' : 'privacy-off', () =>
        this.act(out, on ? 'privacy knob on' : 'privacy knob off', (lock) => ({
          action: 'privacy-knob',
          lock: lock.id,
          on,
        })),
      );
    }
    this.button('exit-button', () =>
      this.act(out, 'exit button', (lock) => ({ action: 'exit-button', lock: lock.id })),
    );
    this.button('set-clock', () => {
      const seconds = Number(byId<HTMLInputElement>('clock-drift').value);
      this.act(out, `lock clock off by ${seconds} s`, (lock) =>
        Number.isInteger(seconds) && Math.abs(seconds) <= driftSecondsMax
          ? { action: 'lock-clock', lock: lock.id, offsetMs: seconds * 1000 }
          : `the drift is whole seconds within ±${driftSecondsMax}`,
      );
    });
  }
}
