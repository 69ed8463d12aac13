/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The visualization's entry point (bundled by `viz/bundle.ts` into `/viz.js`): connects to `/live`, keeps the
 * model from the messages, and draws the page on the next animation frame after anything changed.
 *
 * Timeline scrubbing is by replay on the server: away from its live end the page asks `state-at` (debounced) and
 * shows the state the server rebuilt; until the answer arrives it shows the device snapshot it kept at or before
 * the chosen time (one per ~10 s of virtual time, `SnapshotHistory`) as a placeholder. A scenario or failure file
 * loaded with `load-timeline` becomes the timeline instead (0 to its end) until **Live**. Commands still act on
 * the live twin. See `viz/README.md`.
 */
import { ServerClock } from './clock-sync.ts';
import { LiveConnection, type ConnectionState } from './connection.ts';
import { AlertBanner } from './controls-banner.ts';
import { LockControls } from './controls-lock.ts';
import { byId, html, setText, svgById, update } from './dom.ts';
import { EntryRows, showRows } from './entry-rows.ts';
import { FloorPlan, type Interference } from './floor-plan.ts';
import { doorLabel, formatVirtual, knownZone, siteDate, siteTimeWithZone } from './format.ts';
import { demoClientOf, fetchToken, onLoopback, type ClientCredentials } from './login.ts';
import { LiveModel } from './model.ts';
import { TimelineDebugger } from './timeline-debugger.ts';
import {
  readAppliedResult,
  readExportResult,
  readLoadTimelineResult,
  readStateAtResult,
  readStatusResult,
  type ClientCommand,
  type CommandOutcome,
  type DeviceSnapshot,
  type EntryRow,
  type StateAtResult,
  type ServerMessage,
} from './protocol.ts';
import { alertWord, batteryWord, boltWord, lockKindWord, refusalWord } from './words.ts';

/** Interference zones remembered for drawing (the timeline shows past ones too); older ones are forgotten. */
const interferencesMax = 32;
/** How long a message in the corner stays. */
const messageMs = 8_000;
/** The slider waits this long after the last move before asking the server for the state. */
const stateAtDebounceMs = 150;

interface Elements {
  readonly connection: HTMLElement;
  readonly mode: HTMLElement;
  readonly modeDetail: HTMLElement;
  readonly banner: HTMLElement;
  readonly sound: HTMLButtonElement;
  readonly clock: HTMLOutputElement;
  readonly utc: HTMLElement;
  readonly pause: HTMLButtonElement;
  readonly play: HTMLButtonElement;
  readonly speed: HTMLSelectElement;
  readonly step: HTMLButtonElement;
  readonly runStatus: HTMLElement;
  readonly exportButton: HTMLButtonElement;
  readonly planSection: HTMLElement;
  readonly timeline: HTMLInputElement;
  readonly live: HTMLButtonElement;
  readonly timelineLabel: HTMLOutputElement;
  readonly timelineFile: HTMLInputElement;
  readonly lockPanel: HTMLElement;
  readonly lockPanelTitle: HTMLElement;
  readonly lockDetails: HTMLElement;
  readonly commandResult: HTMLOutputElement;
  readonly faults: HTMLElement;
  readonly faultResult: HTMLOutputElement;
  readonly alerts: HTMLElement;
  readonly entries: HTMLElement;
  readonly entriesZone: HTMLElement;
  readonly message: HTMLElement;
  readonly login: HTMLFormElement;
  readonly loginClient: HTMLInputElement;
  readonly loginSecret: HTMLInputElement;
}

function elements(): Elements {
  return {
    connection: byId('connection'),
    mode: byId('mode'),
    modeDetail: byId('mode-detail'),
    banner: byId('alert-banner'),
    sound: byId('sound'),
    clock: byId('clock'),
    utc: byId('utc'),
    pause: byId('pause'),
    play: byId('play'),
    speed: byId('speed'),
    step: byId('step'),
    runStatus: byId('run-status'),
    exportButton: byId('export'),
    planSection: byId('plan-section'),
    timeline: byId('timeline'),
    live: byId('live'),
    timelineLabel: byId('timeline-label'),
    timelineFile: byId('timeline-file'),
    lockPanel: byId('lock-panel'),
    lockPanelTitle: byId('lock-panel-title'),
    lockDetails: byId('lock-details'),
    commandResult: byId('command-result'),
    faults: byId('faults'),
    faultResult: byId('fault-result'),
    alerts: byId('alerts'),
    entries: byId('entries'),
    entriesZone: byId('entries-zone'),
    message: byId('message'),
    login: byId('login'),
    loginClient: byId('login-client'),
    loginSecret: byId('login-secret'),
  };
}

function numberValue(id: string, fallback: number): number {
  const value = Number(byId<HTMLInputElement>(id).value);
  return Number.isFinite(value) ? value : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeOutcome(outcome: CommandOutcome, done: string): string {
  return outcome.ok ? done : refusalWord(outcome);
}

class VizApp {
  private readonly el = elements();
  private readonly model = new LiveModel();
  private readonly plan: FloorPlan;
  private readonly connection: LiveConnection;
  /** The one clock: the server's virtual time as derived from its messages (`clock-sync.ts`). */
  private readonly clock = new ServerClock();
  private readonly banner: AlertBanner;
  private readonly lockControls: LockControls;
  /** The marker strip under the slider and the failure panel (timeline-debugger.ts). */
  private readonly timelineDebugger: TimelineDebugger;
  private selectedLockId: string | undefined;
  /** Virtual time the timeline shows, or undefined when it follows the live twin. */
  private viewingMs: number | undefined;
  /** A file loaded as the timeline (`load-timeline`); undefined: the timeline is the live session's. */
  private loadedTimeline: { readonly name: string; readonly durationMs: number } | undefined;
  /** The server's last answer to `state-at`, for the timeline it was asked of. */
  private replayed: (StateAtResult & { readonly loaded: boolean }) | undefined;
  private stateAtTimer: ReturnType<typeof setTimeout> | undefined;
  /** Numbers `state-at` requests, so an answer overtaken by a newer request is dropped. */
  private stateAtRequest = 0;
  private interferences: Interference[] = [];
  private renderQueued = false;
  private faultsLayout = '';
  private entriesDrawn:
    | { entries: readonly EntryRow[]; uptoMs: number | undefined; names: DeviceSnapshot | undefined }
    | undefined;
  private readonly entryRows = new EntryRows();
  private messageTimer: ReturnType<typeof setTimeout> | undefined;
  private shownVirtualMs = 0;
  private connected = false;
  private panelDrawn: DeviceSnapshot['locks'][number] | undefined;
  /** What the page logs in with: the demo client on loopback, else what the login form was given. */
  private credentials: ClientCredentials | undefined;
  private token: string | undefined;

  constructor() {
    this.plan = new FloorPlan(svgById('plan'), (lockId) => this.selectLock(lockId));
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    if (onLoopback(location.hostname)) {
      const demo = demoClientOf(location.search);
      this.credentials = demo;
      this.el.loginClient.value = demo.clientId;
      this.el.loginSecret.value = demo.clientSecret;
    }
    this.connection = new LiveConnection({
      url: `${scheme}://${location.host}/live`,
      token: (fresh) => this.tokenFor(fresh),
      onMessage: (message) => this.onMessage(message),
      onState: (state) => this.onConnection(state),
    });
    this.banner = new AlertBanner({
      banner: this.el.banner,
      sound: this.el.sound,
      lockName: (lockId) => this.lockName(lockId),
      timeOf: (utcMs) => siteTimeWithZone(utcMs, this.zone()),
    });
    this.lockControls = new LockControls({
      send: (command) => this.connection.send(command),
      site: () => this.model.site,
      lock: () => this.shownDevices()?.devices.locks.find((lock) => lock.id === this.selectedLockId),
      timeOf: (virtualMs) => this.siteTimeOfVirtual(virtualMs),
    });
    this.timelineDebugger = new TimelineDebugger({
      slider: this.el.timeline,
      connection: this.connection,
      storyHost: document.querySelector('aside') ?? document.body,
    });
    this.wireControls();
  }

  /** The site's time zone (UTC until a snapshot told it, or when the browser does not know it). */
  private zone(): string {
    return knownZone(this.model.site?.timeZone);
  }

  /** A session's virtual time as the site's time of day with its zone (T+… before the epoch is known). */
  private siteTimeOfVirtual(virtualMs: number): string {
    const epoch = this.model.epochUtcMs;
    return epoch === undefined ? formatVirtual(virtualMs) : siteTimeWithZone(epoch + virtualMs, this.zone());
  }

  private lockName(lockId: string): string {
    return this.model.devices?.locks.find((lock) => lock.id === lockId)?.name ?? lockId;
  }

  /** A person's name for a user id (the id when the site summary does not list them). */
  private personName(userId: string): string {
    return this.model.site?.people.find((person) => person.id === userId)?.name ?? userId;
  }

  /** A device's name for people: a lock's, an IQ's, else its id. */
  private deviceName(id: string): string {
    return (
      this.model.site?.iqs.find((iq) => iq.id === id)?.name ??
      this.model.devices?.locks.find((lock) => lock.id === id)?.name ??
      id
    );
  }

  /** The token to present: kept until the server refuses it, then a fresh one; undefined until logged in. */
  private async tokenFor(fresh: boolean): Promise<string | undefined> {
    if (fresh) this.token = undefined;
    if (this.token !== undefined) return this.token;
    const credentials = this.credentials;
    if (credentials === undefined) return undefined;
    const outcome = await fetchToken(credentials);
    if (!outcome.ok) {
      this.showMessage(outcome.message);
      this.el.login.hidden = false;
      return undefined;
    }
    this.token = outcome.token;
    return this.token;
  }

  start(): void {
    this.el.login.addEventListener('submit', (event) => {
      event.preventDefault();
      this.credentials = {
        clientId: this.el.loginClient.value.trim(),
        clientSecret: this.el.loginSecret.value,
      };
      this.connection.start(true);
    });
    this.connection.start();
    // The clock runs every frame while the page is seen, and at least 4 times a second otherwise.
    const frame = (): void => {
      this.tickClock();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    setInterval(() => this.tickClock(), 250);
    // Test hook: the clock brought up to this very moment, so a test reads what the page would show now.
    this.el.clock.addEventListener('lockstep:refresh', () => this.tickClock());
  }

  private onConnection(state: ConnectionState): void {
    this.connected = state === 'open';
    if (state === 'open') this.el.login.hidden = true;
    if (state === 'logged-out') this.el.login.hidden = false;
    const text =
      state === 'open'
        ? this.model.devices === undefined
          ? 'connected, waiting for the twin…'
          : 'connected'
        : state === 'connecting'
          ? 'connecting…'
          : state === 'logged-out'
            ? 'log in to watch the twin'
            : 'disconnected, retrying…';
    setText(this.el.connection, text);
    update(this.el.connection, { 'data-state': state });
  }

  private onMessage(message: ServerMessage): void {
    if (message.type === 'error') {
      this.showMessage(`server: ${message.code} ${message.message}`);
      return;
    }
    const wallMs = performance.now();
    if (message.type === 'snapshot') {
      setText(this.el.connection, 'connected');
      // Virtual time went back: a new session (the server restarted), whose past this page never saw.
      if (message.virtualMs < this.model.virtualMs) {
        this.interferences = [];
        this.clock.reset();
      }
    }
    // The stage takes the floor plan from the snapshot and animates people and packets from the events.
    this.plan.observe(message, wallMs);
    if (this.model.apply(message, wallMs)) this.queueRender();
    this.observeClock(message, wallMs);
  }

  /** Every message tells the server's time at a moment before it arrived; statuses also tell its rate. */
  private observeClock(message: ServerMessage, wallMs: number): void {
    switch (message.type) {
      case 'snapshot':
        this.clock.setRate(message.status, message.status.paceMs ?? message.status.virtualMs, wallMs);
        return;
      case 'status':
        this.clock.setRate(message, message.paceMs ?? message.virtualMs, wallMs);
        return;
      case 'delta':
      case 'entry':
      case 'event':
        if (this.model.status !== undefined) this.clock.observe(message.virtualMs, wallMs);
        return;
      default:
        return;
    }
  }

  private queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  /**
   * The device snapshot on screen: the live one; away from the live end the server's replayed state, or until it
   * arrives the kept frame (for a loaded file, the last replayed state of that file); and the entries to list.
   */
  private shownDevices():
    | { devices: DeviceSnapshot; atMs: number | undefined; entries: readonly EntryRow[] | undefined }
    | undefined {
    const live = this.model.devices;
    if (live === undefined) return undefined;
    if (this.viewingMs === undefined) return { devices: live, atMs: undefined, entries: undefined };
    const loaded = this.loadedTimeline !== undefined;
    const replayed = this.replayed;
    if (
      replayed !== undefined &&
      replayed.loaded === loaded &&
      (loaded || replayed.virtualMs === this.viewingMs)
    )
      return { devices: replayed.devices, atMs: replayed.virtualMs, entries: replayed.entries };
    if (loaded) return { devices: live, atMs: this.viewingMs, entries: [] };
    const frame = this.model.history.at(this.viewingMs);
    return frame === undefined
      ? { devices: live, atMs: undefined, entries: undefined }
      : { devices: frame.devices, atMs: frame.atMs, entries: undefined };
  }

  /** Asks the server for the state at the viewed time, once the slider has rested for a moment. */
  private requestStateAt(): void {
    if (this.stateAtTimer !== undefined) clearTimeout(this.stateAtTimer);
    this.stateAtRequest += 1;
    const request = this.stateAtRequest;
    const ms = this.viewingMs;
    if (ms === undefined) return;
    const source = this.loadedTimeline === undefined ? 'session' : 'loaded';
    this.stateAtTimer = setTimeout(() => {
      this.stateAtTimer = undefined;
      void this.connection.send({ action: 'state-at', ms, source }).then((outcome) => {
        if (request !== this.stateAtRequest) return;
        if (!outcome.ok) {
          this.showMessage(`state-at: ${outcome.code} ${outcome.message}`);
          return;
        }
        const state = readStateAtResult(outcome.result);
        if (state === undefined) return;
        this.replayed = { ...state, loaded: source === 'loaded' };
        this.timelineDebugger.replayed(state.virtualMs, state.entries);
        this.queueRender();
        this.tickClock();
      });
    }, stateAtDebounceMs);
  }

  /** Back to following the live twin (forgets a loaded file). */
  private goLive(): void {
    if (this.stateAtTimer !== undefined) clearTimeout(this.stateAtTimer);
    this.stateAtTimer = undefined;
    this.stateAtRequest += 1;
    this.viewingMs = undefined;
    this.loadedTimeline = undefined;
    this.replayed = undefined;
    this.timelineDebugger.live();
    this.queueRender();
    this.tickClock();
  }

  /** Reads a scenario or failure file, has the server load it, and makes it the timeline. */
  private async loadTimelineFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      this.showMessage(`${file.name}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    if (!isRecord(json)) {
      this.showMessage(`${file.name}: not a scenario or failure file (a JSON object)`);
      return;
    }
    const outcome = await this.connection.send({ action: 'load-timeline', file: json });
    if (!outcome.ok) {
      this.showMessage(`${file.name}: ${outcome.code} ${outcome.message}`);
      return;
    }
    const result = readLoadTimelineResult(outcome.result);
    if (result === undefined) return;
    this.loadedTimeline = result;
    this.replayed = undefined;
    this.viewingMs = 0;
    this.el.timeline.max = String(result.durationMs);
    this.el.timeline.value = '0';
    this.requestStateAt();
    this.queueRender();
    this.tickClock();
    this.timelineDebugger.loaded(result);
  }

  private render(): void {
    const shown = this.shownDevices();
    if (shown === undefined) return;
    const { devices, atMs, entries } = shown;
    this.plan.render({
      devices,
      links: this.model.linksOf(devices),
      selectedLockId: this.selectedLockId,
      interferences: this.loadedTimeline === undefined ? this.interferences : [],
      virtualMs: atMs ?? this.model.virtualMs,
    });
    this.renderLockPanel(devices);
    this.lockControls.render();
    this.renderFaults(this.model.devices ?? devices);
    this.renderAlerts(devices);
    this.banner.render(this.model.devices?.alerts ?? []);
    this.renderEntries(devices, atMs === undefined ? undefined : this.viewingMs, entries);
    this.renderStatus();
    this.tickClock();
  }

  private renderStatus(): void {
    const status = this.model.status;
    if (status === undefined) return;
    this.el.pause.disabled = status.paused;
    this.el.play.disabled = !status.paused;
    const speed = String(status.speed);
    if (![...this.el.speed.options].some((option) => option.value === speed))
      this.el.speed.append(html('option', { value: speed }, `${speed}×`));
    if (document.activeElement !== this.el.speed) this.el.speed.value = speed;
    const hash = status.traceHash === '' ? '' : ` · trace ${status.traceHash.slice(0, 12)}`;
    setText(
      this.el.runStatus,
      `${status.paused ? 'paused' : `running ${status.speed}×`} · ${status.events.toLocaleString('en')} events${hash}`,
    );
  }

  /**
   * The one clock: the server's time as `ServerClock` derives it (never back while the twin runs, the server's own
   * when paused), shown as the site's time of day with its zone; the timeline's end follows it.
   */
  private tickClock(): void {
    if (this.model.status === undefined) return;
    if (this.connected && this.clock.synced) this.shownVirtualMs = this.clock.shown(performance.now());
    const shown = this.shownVirtualMs;
    const epoch = this.model.epochUtcMs;
    const zone = this.zone();
    setText(
      this.el.clock,
      epoch === undefined ? formatVirtual(shown) : siteTimeWithZone(epoch + shown, zone),
    );
    update(this.el.clock, { 'data-virtual-ms': String(shown) });
    setText(
      this.el.utc,
      epoch === undefined ? '' : `${siteDate(epoch + shown, zone)} · ${formatVirtual(shown)} of the run`,
    );
    this.renderMode();
    const loaded = this.loadedTimeline;
    if (loaded !== undefined) {
      this.el.timeline.max = String(loaded.durationMs);
      const replayed = this.replayed?.loaded === true ? this.replayed : undefined;
      const at = replayed === undefined ? 'replaying…' : `state at ${formatVirtual(replayed.virtualMs)}`;
      setText(this.el.timelineLabel, `timeline: ${loaded.name} · ${at}`);
      this.el.planSection.classList.add('history');
      this.el.live.hidden = false;
      return;
    }
    // The slider ends at the twin's clock as last told, not at the page clock (which follows the pacer's line a
    // tick ahead of it), so `state-at` never asks for a moment the server has not reached.
    const maxMs = Math.floor(Math.min(this.shownVirtualMs, this.model.virtualMs) / 1000) * 1000;
    this.el.timeline.max = String(maxMs);
    if (this.viewingMs === undefined) {
      this.el.timeline.value = String(maxMs);
      setText(this.el.timelineLabel, 'live');
      this.el.planSection.classList.remove('history');
      this.el.live.hidden = true;
    } else if (this.replayed?.loaded === false && this.replayed.virtualMs === this.viewingMs) {
      setText(
        this.el.timelineLabel,
        `history: state at ${formatVirtual(this.viewingMs)} · ${this.siteTimeOfVirtual(this.viewingMs)} (replayed)`,
      );
      this.el.planSection.classList.add('history');
      this.el.live.hidden = false;
    } else {
      const frame = this.model.history.at(this.viewingMs);
      const earliest = this.model.history.earliestMs ?? 0;
      const note = this.viewingMs < earliest ? ' (earliest kept)' : '';
      setText(
        this.el.timelineLabel,
        frame === undefined
          ? 'replaying…'
          : `history: state at ${formatVirtual(frame.atMs)} · ${this.siteTimeOfVirtual(frame.atMs)}${note} (kept; replaying…)`,
      );
      this.el.planSection.classList.add('history');
      this.el.live.hidden = false;
    }
  }

  /**
   * The mode badge: LIVE, PAUSED, HISTORY (looking at a past moment of the session) or FILE (a loaded file's
   * timeline), never LIVE unless the page shows the live twin; "Back to live" beside it away from live.
   */
  private renderMode(): void {
    const status = this.model.status;
    const loaded = this.loadedTimeline;
    const viewing = this.viewingMs;
    const [mode, word, detail] = !this.connected
      ? (['offline', 'OFFLINE', 'not connected to the twin'] as const)
      : loaded !== undefined
        ? ([
            'file',
            'FILE',
            `${loaded.name} · at ${formatVirtual(this.replayed?.loaded === true ? this.replayed.virtualMs : (viewing ?? 0))} of the file`,
          ] as const)
        : viewing !== undefined
          ? (['history', 'HISTORY', `looking at ${this.siteTimeOfVirtual(viewing)}`] as const)
          : status === undefined
            ? (['connecting', 'CONNECTING', ''] as const)
            : status.paused
              ? (['paused', 'PAUSED', `at ${this.siteTimeOfVirtual(status.virtualMs)}`] as const)
              : (['live', 'LIVE', `${status.speed}× real time`] as const);
    setText(this.el.mode, word);
    update(this.el.mode, { 'data-mode': mode });
    setText(this.el.modeDetail, detail);
    this.el.live.hidden = loaded === undefined && viewing === undefined;
  }

  private selectLock(lockId: string): void {
    this.selectedLockId = lockId;
    this.el.lockPanel.hidden = false;
    for (const id of [
      'command-result',
      'door-result',
      'credential-result',
      'admin-result',
      'lock-fault-result',
    ])
      setText(byId(id), '');
    this.queueRender();
  }

  private renderLockPanel(devices: DeviceSnapshot): void {
    const lock = devices.locks.find((candidate) => candidate.id === this.selectedLockId);
    if (lock === undefined) {
      this.el.lockPanel.hidden = true;
      return;
    }
    if (lock === this.panelDrawn) return;
    this.panelDrawn = lock;
    setText(this.el.lockPanelTitle, lock.name);
    const doorName = this.model.site?.doors.find((door) => door.id === lock.doorId)?.name ?? lock.doorId;
    const rows: [string, string][] = [
      ['lock', lockKindWord(lock.kind)],
      ['door', `${doorName}: ${doorLabel(lock.door)}`],
      ['state', boltWord(lock)],
      ['battery', batteryWord(lock.battery)],
      ['online', lock.online ? `yes, via ${this.deviceName(lock.parent ?? '—')}` : 'no'],
      ['access data', `version ${lock.accessVersion}`],
      ['audit buffered', `${lock.auditBuffered} entries`],
    ];
    this.el.lockDetails.replaceChildren(
      ...rows.flatMap(([term, value]) => [
        html('dt', {}, term),
        html('dd', { 'data-testid': `detail-${term.replace(/ /g, '-')}` }, value),
      ]),
    );
  }

  /**
   * Faults of the site's boxes: per IQ its internet, its power and interference near it; per repeater its power.
   * Rows are built when the devices change; the boxes follow the devices' state on every render.
   */
  private renderFaults(devices: DeviceSnapshot): void {
    const layout = [...devices.iqs.map((iq) => iq.id), '|', ...devices.repeaters.map((r) => r.id)].join(' ');
    if (layout !== this.faultsLayout) {
      this.faultsLayout = layout;
      const box = (label: string, testId: string, onChange: (checked: boolean) => void): HTMLInputElement => {
        const checkbox = html('input', { type: 'checkbox', 'aria-label': label, 'data-testid': testId });
        checkbox.addEventListener('change', () => onChange(checkbox.checked));
        return checkbox;
      };
      const iqRows = devices.iqs.map((iq) => {
        const name = this.deviceName(iq.id);
        const internet = box(`IQ ${name} offline (no internet)`, `fault-iq-offline-${iq.id}`, (cut) =>
          this.fault(
            this.el.faultResult,
            { action: 'iq-internet', iq: iq.id, up: !cut },
            `${name}: internet ${cut ? 'cut' : 'back'}`,
          ),
        );
        const power = box(`IQ ${name} without power`, `fault-iq-power-${iq.id}`, (off) =>
          this.fault(
            this.el.faultResult,
            { action: 'power', device: iq.id, on: !off },
            `${name}: power ${off ? 'off' : 'on'}`,
          ),
        );
        const interference = html(
          'button',
          {
            type: 'button',
            'aria-label': `Interference near IQ ${name}`,
            'data-testid': `fault-interference-${iq.id}`,
          },
          'Interference',
        );
        interference.addEventListener('click', () => void this.interfereNear(iq.id));
        return html(
          'div',
          { class: 'fault-row', 'data-iq': iq.id },
          html('span', { class: 'fault-name' }, name),
          html('label', {}, internet, 'no internet'),
          html('label', {}, power, 'no power'),
          interference,
        );
      });
      const repeaterRows = devices.repeaters.map((repeater) => {
        const power = box(
          `Repeater ${repeater.id} without power`,
          `fault-repeater-power-${repeater.id}`,
          (off) =>
            this.fault(
              this.el.faultResult,
              { action: 'power', device: repeater.id, on: !off },
              `repeater ${repeater.id}: power ${off ? 'off' : 'on'}`,
            ),
        );
        return html(
          'div',
          { class: 'fault-row', 'data-repeater': repeater.id },
          html('span', { class: 'fault-name' }, `repeater ${repeater.id}`),
          html('label', {}, power, 'no power'),
        );
      });
      this.el.faults.replaceChildren(...iqRows, ...repeaterRows);
      if (devices.iqs.length === 0) this.el.faults.replaceChildren(html('p', { class: 'empty' }, 'no IQs'));
    }
    const follow = (testId: string, checked: boolean): void => {
      const input = this.el.faults.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (input !== null && document.activeElement !== input) input.checked = checked;
    };
    for (const iq of devices.iqs) {
      follow(`fault-iq-offline-${iq.id}`, !iq.connected);
      follow(`fault-iq-power-${iq.id}`, !iq.powered);
    }
    for (const repeater of devices.repeaters)
      follow(`fault-repeater-power-${repeater.id}`, !repeater.powered);
  }

  /** A fault command; its answer shows in `output`. */
  private fault(output: HTMLOutputElement, command: ClientCommand, done: string): void {
    setText(output, `${done}…`);
    void this.connection.send(command).then((outcome) => {
      this.result(output, outcome, `${done} at ${this.siteTimeOfVirtual(this.model.virtualMs)}`);
      this.queueRender();
    });
  }

  private renderAlerts(devices: DeviceSnapshot): void {
    const names = new Map(devices.locks.map((lock) => [lock.id, lock.name]));
    const items = devices.alerts.map((alert) =>
      html(
        'li',
        { 'data-testid': `alert-${alert.lockId}-${alert.kind}` },
        `${alertWord(alert.kind)} · ${names.get(alert.lockId) ?? alert.lockId} · since ${siteTimeWithZone(alert.raisedUtcMs, this.zone())}`,
      ),
    );
    const key = items.map((item) => item.textContent).join('\n');
    if ([...this.el.alerts.children].map((item) => item.textContent).join('\n') !== key)
      this.el.alerts.replaceChildren(...items);
  }

  private renderEntries(
    devices: DeviceSnapshot,
    uptoMs: number | undefined,
    replayedEntries: readonly EntryRow[] | undefined,
  ): void {
    const entries = replayedEntries ?? this.model.entries;
    const drawn = this.entriesDrawn;
    if (
      drawn !== undefined &&
      drawn.entries === entries &&
      drawn.uptoMs === uptoMs &&
      drawn.names === devices
    )
      return;
    this.entriesDrawn = { entries, uptoMs, names: devices };
    const names = new Map(devices.locks.map((lock) => [lock.id, lock.name]));
    const zone = this.zone();
    setText(this.el.entriesZone, `times in ${zone}`);
    const shown = uptoMs === undefined ? entries : entries.filter((entry) => entry.atMs <= uptoMs);
    const rows = this.entryRows.rows(shown, {
      zone,
      lockName: (lockId) => names.get(lockId) ?? lockId,
      personName: (userId) => this.personName(userId),
    });
    if (rows.length === 0)
      rows.push(
        html(
          'li',
          { class: 'empty' },
          uptoMs === undefined ? 'no entries yet' : 'no entries up to this time',
        ),
      );
    showRows(this.el.entries, rows);
  }

  private wireControls(): void {
    const el = this.el;
    el.pause.addEventListener('click', () => void this.timeCommand({ action: 'pause' }));
    el.play.addEventListener('click', () => void this.timeCommand({ action: 'resume' }));
    el.speed.addEventListener('change', () => {
      const x = Number(el.speed.value);
      if (x > 0) void this.timeCommand({ action: 'speed', x });
    });
    el.step.addEventListener('click', () => void this.timeCommand({ action: 'step', ms: 10_000 }));
    el.exportButton.addEventListener('click', () => void this.exportSession());
    el.timeline.addEventListener('input', () => {
      const value = Number(el.timeline.value);
      // At its end the session's timeline follows the live twin again; a loaded file's has no live end.
      if (this.loadedTimeline === undefined && value >= Number(el.timeline.max)) {
        this.goLive();
        return;
      }
      this.viewingMs = value;
      this.requestStateAt();
      this.queueRender();
      this.tickClock();
    });
    el.live.addEventListener('click', () => this.goLive());
    el.timelineFile.addEventListener('change', () => void this.loadTimelineFile(el.timelineFile));
    byId('panel-close').addEventListener('click', () => {
      this.selectedLockId = undefined;
      this.queueRender();
    });
  }

  private result(output: HTMLOutputElement, outcome: CommandOutcome, done: string): void {
    setText(output, describeOutcome(outcome, done));
    output.classList.toggle('error', !outcome.ok);
  }

  /** A time command; its answer is the status after it, shown at once (the next status message would be later). */
  private async timeCommand(command: ClientCommand): Promise<void> {
    const outcome = await this.connection.send(command);
    if (!outcome.ok) {
      this.showMessage(`${command.action}: ${outcome.code} ${outcome.message}`);
      this.renderStatus();
      return;
    }
    const status = readStatusResult(outcome.result);
    if (status !== undefined) {
      const wallMs = performance.now();
      this.model.applyStatus(status, wallMs);
      this.clock.setRate(status, status.paceMs ?? status.virtualMs, wallMs);
    }
    this.queueRender();
  }

  private async setIqInternet(iq: string, checkbox: HTMLInputElement): Promise<void> {
    const up = !checkbox.checked;
    const outcome = await this.connection.send({ action: 'iq-internet', iq, up });
    this.result(this.el.faultResult, outcome, `${iq}: internet ${up ? 'restored' : 'cut'}`);
    if (!outcome.ok) checkbox.checked = up;
  }

  private async interfereNear(iqId: string): Promise<void> {
    const iq = this.model.devices?.iqs.find((candidate) => candidate.id === iqId);
    if (iq === undefined) return;
    const radiusM = Math.max(0.5, numberValue('interference-radius', 8));
    const lossProbability = Math.min(1, Math.max(0, numberValue('interference-loss', 0.9)));
    const durationMs = Math.round(Math.max(1, numberValue('interference-duration', 60)) * 1000);
    const outcome = await this.connection.send({
      action: 'interference',
      x: iq.x,
      y: iq.y,
      radiusM,
      lossProbability,
      durationMs,
    });
    this.result(
      this.el.faultResult,
      outcome,
      `interference near ${iqId}: ${radiusM} m, loss ${lossProbability}, ${durationMs / 1000} s`,
    );
    if (outcome.ok) {
      const appliedAtMs = readAppliedResult(outcome.result)?.appliedAtMs ?? this.model.virtualMs;
      this.interferences = [
        ...this.interferences,
        { x: iq.x, y: iq.y, radiusM, fromMs: appliedAtMs, untilMs: appliedAtMs + durationMs },
      ].slice(-interferencesMax);
      this.queueRender();
    }
  }

  private async exportSession(): Promise<void> {
    const outcome = await this.connection.send({ action: 'export' });
    if (!outcome.ok) {
      this.showMessage(`export: ${outcome.code} ${outcome.message}`);
      return;
    }
    // The result is the scenario file itself.
    const scenario = readExportResult(outcome.result);
    if (scenario === undefined) return;
    const url = URL.createObjectURL(
      new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: 'application/json' }),
    );
    const link = html('a', { href: url, download: 'lockstep-session.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private showMessage(text: string): void {
    setText(this.el.message, text);
    if (this.messageTimer !== undefined) clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(() => setText(this.el.message, ''), messageMs);
  }
}

new VizApp().start();
