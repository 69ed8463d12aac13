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
import { LiveConnection, type ConnectionState } from './connection.ts';
import { byId, html, setText, svgById, update } from './dom.ts';
import { FloorPlan, type Interference } from './floor-plan.ts';
import { boltLabel, doorLabel, formatUtc, formatVirtual, humanize, timeOfDay } from './format.ts';
import { demoClient, fetchToken, onLoopback, type ClientCredentials } from './login.ts';
import { LiveModel } from './model.ts';
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

/** Interference zones remembered for drawing (the timeline shows past ones too); older ones are forgotten. */
const interferencesMax = 32;
/** How long a message in the corner stays. */
const messageMs = 8_000;
/** The slider waits this long after the last move before asking the server for the state. */
const stateAtDebounceMs = 150;

interface Elements {
  readonly connection: HTMLElement;
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
  readonly message: HTMLElement;
  readonly login: HTMLFormElement;
  readonly loginClient: HTMLInputElement;
  readonly loginSecret: HTMLInputElement;
}

function elements(): Elements {
  return {
    connection: byId('connection'),
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
    message: byId('message'),
    login: byId('login'),
    loginClient: byId('login-client'),
    loginSecret: byId('login-secret'),
  };
}

function inputValue(id: string): string {
  return byId<HTMLInputElement>(id).value.trim();
}

function numberValue(id: string, fallback: number): number {
  const value = Number(byId<HTMLInputElement>(id).value);
  return Number.isFinite(value) ? value : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeOutcome(outcome: CommandOutcome, done: string): string {
  return outcome.ok ? done : `refused: ${outcome.code} ${outcome.message}`;
}

class VizApp {
  private readonly el = elements();
  private readonly model = new LiveModel();
  private readonly plan: FloorPlan;
  private readonly connection: LiveConnection;
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
      this.credentials = demoClient;
      this.el.loginClient.value = demoClient.clientId;
      this.el.loginSecret.value = demoClient.clientSecret;
    }
    this.connection = new LiveConnection({
      url: `${scheme}://${location.host}/live`,
      token: (fresh) => this.tokenFor(fresh),
      onMessage: (message) => this.onMessage(message),
      onState: (state) => this.onConnection(state),
    });
    this.wireControls();
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
    setInterval(() => this.tickClock(), 250);
  }

  private onConnection(state: ConnectionState): void {
    this.connected = state === 'open';
    if (state === 'open') this.el.login.hidden = true;
    if (state === 'logged-out') this.el.login.hidden = false;
    const text =
      state === 'open'
        ? this.model.devices === undefined
          ? 'connected, waiting for the twin…'
          : 'live'
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
    if (message.type === 'snapshot') {
      setText(this.el.connection, 'live');
      // Virtual time went back: a new session (the server restarted), whose past this page never saw.
      if (message.virtualMs < this.model.virtualMs) this.interferences = [];
    }
    if (this.model.apply(message, performance.now())) this.queueRender();
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
    this.renderFaults(this.model.devices ?? devices);
    this.renderAlerts(devices);
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

  /** The clock runs on between messages; the timeline's end follows it. */
  private tickClock(): void {
    if (this.model.status === undefined) return;
    const now = this.connected ? this.model.virtualNow(performance.now()) : this.model.virtualMs;
    // Never let the shown clock run backwards because a message was a little behind the estimate.
    this.shownVirtualMs =
      now >= this.shownVirtualMs || now < this.shownVirtualMs - 5_000 ? now : this.shownVirtualMs;
    setText(this.el.clock, formatVirtual(this.shownVirtualMs));
    const epoch = this.model.epochUtcMs;
    setText(this.el.utc, epoch === undefined ? '' : formatUtc(epoch + this.shownVirtualMs));
    const loaded = this.loadedTimeline;
    if (loaded !== undefined) {
      this.el.timeline.max = String(loaded.durationMs);
      const replayed = this.replayed?.loaded === true ? this.replayed : undefined;
      const at = replayed === undefined ? 'replaying…' : `state at ${formatVirtual(replayed.virtualMs)}`;
      setText(this.el.timelineLabel, `timeline: ${loaded.name} · ${at}`);
      this.el.planSection.classList.add('history');
      this.el.live.disabled = false;
      return;
    }
    const maxMs = Math.floor(this.shownVirtualMs / 1000) * 1000;
    this.el.timeline.max = String(maxMs);
    if (this.viewingMs === undefined) {
      this.el.timeline.value = String(maxMs);
      setText(this.el.timelineLabel, 'live');
      this.el.planSection.classList.remove('history');
      this.el.live.disabled = true;
    } else if (this.replayed?.loaded === false && this.replayed.virtualMs === this.viewingMs) {
      setText(this.el.timelineLabel, `history: state at ${formatVirtual(this.viewingMs)} (replayed)`);
      this.el.planSection.classList.add('history');
      this.el.live.disabled = false;
    } else {
      const frame = this.model.history.at(this.viewingMs);
      const earliest = this.model.history.earliestMs ?? 0;
      const note = this.viewingMs < earliest ? ' (earliest kept)' : '';
      setText(
        this.el.timelineLabel,
        frame === undefined
          ? 'replaying…'
          : `history: state at ${formatVirtual(frame.atMs)}${note} (kept; replaying…)`,
      );
      this.el.planSection.classList.add('history');
      this.el.live.disabled = false;
    }
  }

  private selectLock(lockId: string): void {
    this.selectedLockId = lockId;
    this.el.lockPanel.hidden = false;
    setText(this.el.commandResult, '');
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
    const rows: [string, string][] = [
      ['lock', `${lock.id} (${lock.kind})`],
      ['door', `${lock.doorId}: ${doorLabel(lock.door)}`],
      ['state', `${boltLabel(lock.bolt)}${lock.officeMode ? ` (${lock.officeMode})` : ''}`],
      ['battery', lock.battery],
      ['online', lock.online ? `yes, via ${lock.parent ?? '—'}` : 'no'],
      ['access data', `version ${lock.accessVersion}`],
      ['audit buffered', String(lock.auditBuffered)],
    ];
    this.el.lockDetails.replaceChildren(
      ...rows.flatMap(([term, value]) => [
        html('dt', {}, term),
        html('dd', { 'data-testid': `detail-${term.replace(/ /g, '-')}` }, value),
      ]),
    );
  }

  private renderFaults(devices: DeviceSnapshot): void {
    const layout = devices.iqs.map((iq) => iq.id).join(' ');
    if (layout !== this.faultsLayout) {
      this.faultsLayout = layout;
      this.el.faults.replaceChildren(
        ...devices.iqs.map((iq) => {
          const checkbox = html('input', {
            type: 'checkbox',
            'aria-label': `IQ ${iq.id} offline (no internet)`,
            'data-testid': `fault-iq-offline-${iq.id}`,
            'data-iq': iq.id,
          });
          checkbox.checked = !iq.connected;
          checkbox.addEventListener('change', () => void this.setIqInternet(iq.id, checkbox));
          const interference = html(
            'button',
            {
              type: 'button',
              'aria-label': `Interference near IQ ${iq.id}`,
              'data-testid': `fault-interference-${iq.id}`,
            },
            'Interference',
          );
          interference.addEventListener('click', () => void this.interfereNear(iq.id));
          return html(
            'div',
            { class: 'fault-row' },
            html('label', {}, checkbox, `${iq.id} offline`),
            interference,
          );
        }),
      );
      if (devices.iqs.length === 0) this.el.faults.replaceChildren(html('p', { class: 'empty' }, 'no IQs'));
    }
  }

  private renderAlerts(devices: DeviceSnapshot): void {
    const names = new Map(devices.locks.map((lock) => [lock.id, lock.name]));
    const items = devices.alerts.map((alert) =>
      html(
        'li',
        { 'data-testid': `alert-${alert.lockId}-${alert.kind}` },
        `${humanize(alert.kind).toUpperCase()} · ${names.get(alert.lockId) ?? alert.lockId} · since ${formatUtc(alert.raisedUtcMs)}`,
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
    const shown = uptoMs === undefined ? entries : entries.filter((entry) => entry.atMs <= uptoMs);
    const rows = shown.map((entry) => {
      const kind = /rejected|denied|refused/.test(entry.category)
        ? 'rejected'
        : /not_closed$|intrusion|battery_low|overflow/.test(entry.category)
          ? 'alarm'
          : '';
      const who = [entry.userId, entry.method]
        .filter((part): part is string => part !== undefined && part !== '')
        .join(' · ');
      return html(
        'li',
        {
          class: kind,
          'data-testid': 'entry',
          'data-lock': entry.lockId,
          'data-category': entry.category,
          'data-method': entry.method,
          'data-user': entry.userId,
        },
        html(
          'span',
          { class: 'time', title: `${entry.utcDateTime} UTC` },
          timeOfDay(entry.localDateTime, entry.atMs),
        ),
        html(
          'span',
          { class: 'what' },
          `${names.get(entry.lockId) ?? entry.lockId} — ${humanize(entry.category)}${entry.detail === '' ? '' : `: ${entry.detail}`}`,
        ),
        who === '' ? undefined : html('span', { class: 'who' }, who),
      );
    });
    if (rows.length === 0)
      rows.push(
        html(
          'li',
          { class: 'empty' },
          uptoMs === undefined ? 'no entries yet' : 'no entries up to this time',
        ),
      );
    this.el.entries.replaceChildren(...rows);
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
    const lockAction = (
      formId: string,
      build: (lock: string) => ClientCommand | undefined,
      label: string,
    ): void => {
      byId<HTMLFormElement>(formId).addEventListener('submit', (event) => {
        event.preventDefault();
        const lock = this.selectedLockId;
        if (lock === undefined) return;
        const command = build(lock);
        if (command === undefined) {
          this.result(el.commandResult, { ok: false, code: 'input', message: 'fill in the id first' }, '');
          return;
        }
        setText(el.commandResult, `${label}…`);
        void this.connection
          .send(command)
          .then((outcome) => this.result(el.commandResult, outcome, `${label}: sent`));
      });
    };
    lockAction(
      'form-tap-phone',
      (lock) =>
        inputValue('input-phone') === ''
          ? undefined
          : { action: 'tap-phone', phone: inputValue('input-phone'), lock },
      'tap phone',
    );
    lockAction(
      'form-present-tag',
      (lock) =>
        inputValue('input-tag') === ''
          ? undefined
          : { action: 'present-tag', tag: inputValue('input-tag'), lock },
      'present tag',
    );
    // Sent as the logged-in user: the server takes the actor from the token, never from the page.
    lockAction('form-remote-open', (lock) => ({ action: 'remote-open', lock }), 'remote open');
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
    if (status !== undefined) this.model.applyStatus(status, performance.now());
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
