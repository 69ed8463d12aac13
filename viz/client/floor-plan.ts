/// <reference lib="dom" />
/**
 * The floor plan: every IQ, repeater, lock and door of the site at its position (metres, y pointing up, scaled to
 * fit the SVG's box), each radio link from a device to its parent coloured by RSSI, interference zones while they
 * last. The device elements are built once per site layout and then only updated, so a delta costs a few
 * attribute writes, not a redraw.
 */
import { boltLabel, doorLabel, rssiColour } from './format.ts';
import { svg, setText, update } from './dom.ts';
import type { DeviceSnapshot, IqState, LinkState, LockState, RepeaterState } from './protocol.ts';

/** SVG units per metre (text sizes are in these units, so they scale with the plan). */
const unit = 40;
/** Margin around the outermost devices, metres (more below for the lock labels). */
const marginM = 2.5;
const marginBelowM = 3.5;
/** Above this many locks the plan shows no text labels (a campus is a map, not a page of text). */
const labelledLocksMax = 60;
const doorLeafM = 1.3;
const doorOpenDegrees = 70;

export interface Interference {
  readonly x: number;
  readonly y: number;
  readonly radiusM: number;
  /** Virtual time it starts and ends (drawn only in between, so the timeline shows it only when it was on). */
  readonly fromMs: number;
  readonly untilMs: number;
}

export interface FloorPlanView {
  readonly devices: DeviceSnapshot;
  readonly links: readonly LinkState[];
  readonly selectedLockId: string | undefined;
  readonly interferences: readonly Interference[];
  readonly virtualMs: number;
}

interface LockElements {
  readonly group: SVGGElement;
  readonly body: SVGCircleElement;
  readonly ring: SVGCircleElement;
  readonly door: SVGLineElement;
  readonly doorGroup: SVGGElement;
  readonly state: SVGTextElement;
  readonly doorText: SVGTextElement;
  readonly battery: SVGTextElement;
  readonly online: SVGTextElement;
  readonly title: SVGTitleElement;
}

interface HubElements {
  readonly group: SVGGElement;
  readonly shape: SVGElement;
  readonly status: SVGTextElement;
  readonly title: SVGTitleElement;
}

function px(metres: number): number {
  return Math.round(metres * unit * 10) / 10;
}

/** Screen y of a site y (the site's y points up, the SVG's down). */
function py(metres: number): number {
  return -px(metres);
}

function layoutKey(devices: DeviceSnapshot): string {
  const place = (device: { id: string; x: number; y: number }): string =>
    `${device.id}@${device.x},${device.y}`;
  return [
    ...devices.iqs.map(place),
    '|',
    ...devices.repeaters.map(place),
    '|',
    ...devices.locks.map((lock) => `${place(lock)}:${lock.doorId}`),
  ].join(' ');
}

export class FloorPlan {
  private readonly root: SVGSVGElement;
  private readonly linkLayer = svg('g', { class: 'links' });
  private readonly zoneLayer = svg('g', { class: 'zones' });
  private readonly deviceLayer = svg('g', { class: 'devices' });
  private layout = '';
  private linksDrawn = '';
  private locks = new Map<string, LockElements>();
  private iqs = new Map<string, HubElements>();
  private repeaters = new Map<string, HubElements>();
  private drawn = new Map<string, unknown>();
  private drawnSelected = new Set<string>();

  constructor(
    root: SVGSVGElement,
    private readonly onSelectLock: (lockId: string) => void,
  ) {
    this.root = root;
  }

  render(view: FloorPlanView): void {
    const key = layoutKey(view.devices);
    if (key !== this.layout) this.build(view.devices, key);
    this.drawLinks(view.devices, view.links);
    this.drawZones(view.interferences, view.virtualMs);
    // Device entries are immutable: one drawn already (and equally selected) needs no attribute writes.
    const drawn = new Map<string, unknown>();
    for (const iq of view.devices.iqs) if (this.drawn.get(iq.id) !== iq) this.updateIq(iq);
    for (const repeater of view.devices.repeaters)
      if (this.drawn.get(repeater.id) !== repeater) this.updateRepeater(repeater);
    for (const lock of view.devices.locks) {
      const selected = lock.id === view.selectedLockId;
      if (this.drawn.get(lock.id) !== lock || this.drawnSelected.has(lock.id) !== selected)
        this.updateLock(lock, selected);
    }
    for (const device of [...view.devices.iqs, ...view.devices.repeaters, ...view.devices.locks])
      drawn.set(device.id, device);
    this.drawn = drawn;
    this.drawnSelected = new Set(view.selectedLockId === undefined ? [] : [view.selectedLockId]);
  }

  private build(devices: DeviceSnapshot, key: string): void {
    this.layout = key;
    this.linksDrawn = '';
    this.drawn = new Map();
    const points = [...devices.iqs, ...devices.repeaters, ...devices.locks];
    const xs = points.map((point) => point.x);
    const ys = points.map((point) => point.y);
    const minX = (xs.length > 0 ? Math.min(...xs) : 0) - marginM;
    const maxX = (xs.length > 0 ? Math.max(...xs) : 0) + marginM;
    const minY = (ys.length > 0 ? Math.min(...ys) : 0) - marginBelowM;
    const maxY = (ys.length > 0 ? Math.max(...ys) : 0) + marginM;
    update(this.root, {
      viewBox: `${px(minX)} ${py(maxY)} ${px(maxX - minX)} ${px(maxY - minY)}`,
      preserveAspectRatio: 'xMidYMid meet',
    });
    const grid = svg(
      'pattern',
      { id: 'grid-1m', width: unit, height: unit, patternUnits: 'userSpaceOnUse' },
      svg('path', { d: `M ${unit} 0 L 0 0 0 ${unit}`, class: 'grid-line' }),
    );
    const background = svg('rect', {
      x: px(minX),
      y: py(maxY),
      width: px(maxX - minX),
      height: px(maxY - minY),
      fill: 'url(#grid-1m)',
      class: 'plan-background',
    });
    this.root.replaceChildren(
      svg('defs', {}, grid),
      background,
      this.linkLayer,
      this.zoneLayer,
      this.deviceLayer,
    );
    this.linkLayer.replaceChildren();
    this.deviceLayer.replaceChildren();
    this.root.classList.toggle('dense', devices.locks.length > labelledLocksMax);
    this.iqs = new Map(devices.iqs.map((iq) => [iq.id, this.buildIq(iq)]));
    this.repeaters = new Map(
      devices.repeaters.map((repeater) => [repeater.id, this.buildRepeater(repeater)]),
    );
    this.locks = new Map(devices.locks.map((lock) => [lock.id, this.buildLock(lock)]));
  }

  private buildIq(iq: IqState): HubElements {
    const size = px(1.1);
    const shape = svg('rect', {
      x: px(iq.x) - size / 2,
      y: py(iq.y) - size / 2,
      width: size,
      height: size,
      rx: 4,
      class: 'iq-shape',
    });
    const title = svg('title');
    const status = svg('text', {
      x: px(iq.x),
      y: py(iq.y) + size / 2 + 28,
      class: 'label small',
      'data-testid': `iq-status-${iq.id}`,
    });
    const group = svg(
      'g',
      { class: 'iq', 'data-testid': `iq-${iq.id}`, role: 'img' },
      title,
      shape,
      svg('text', { x: px(iq.x), y: py(iq.y) + 5, class: 'glyph' }, 'IQ'),
      svg('text', { x: px(iq.x), y: py(iq.y) + size / 2 + 14, class: 'label name' }, iq.id),
      status,
    );
    this.deviceLayer.append(group);
    return { group, shape, status, title };
  }

  private buildRepeater(repeater: RepeaterState): HubElements {
    const half = px(0.6);
    const x = px(repeater.x);
    const y = py(repeater.y);
    const shape = svg('polygon', {
      points: `${x},${y - half} ${x + half},${y} ${x},${y + half} ${x - half},${y}`,
      class: 'repeater-shape',
    });
    const title = svg('title');
    const status = svg('text', {
      x,
      y: y + half + 28,
      class: 'label small',
      'data-testid': `repeater-status-${repeater.id}`,
    });
    const group = svg(
      'g',
      { class: 'repeater', 'data-testid': `repeater-${repeater.id}`, role: 'img' },
      title,
      shape,
      svg('text', { x, y: y + half + 14, class: 'label name' }, repeater.id),
      status,
    );
    this.deviceLayer.append(group);
    return { group, shape, status, title };
  }

  private buildLock(lock: LockState): LockElements {
    const x = px(lock.x);
    const y = py(lock.y);
    const radius = px(0.5);
    const hingeX = x + radius + 4;
    const door = svg('line', { x1: hingeX, y1: y, x2: hingeX + px(doorLeafM), y2: y, class: 'door-leaf' });
    const doorGroup = svg(
      'g',
      { class: 'door', 'data-testid': `door-${lock.doorId}`, 'aria-hidden': 'true' },
      svg('circle', { cx: hingeX, cy: y, r: 3, class: 'door-hinge' }),
      door,
    );
    const ring = svg('circle', { cx: x, cy: y, r: radius + 6, class: 'select-ring' });
    const body = svg('circle', { cx: x, cy: y, r: radius, class: 'lock-body' });
    const line = (index: number, testId: string, extraClass = ''): SVGTextElement =>
      svg('text', {
        x,
        y: y + radius + 14 + index * 13,
        class: `label small ${extraClass}`.trim(),
        'data-testid': testId,
      });
    const state = line(1, `lock-state-${lock.id}`, 'state');
    const doorText = line(2, `door-state-${lock.id}`, 'door-state');
    const battery = line(3, `battery-${lock.id}`);
    const online = line(4, `online-${lock.id}`);
    const title = svg('title');
    const group = svg(
      'g',
      { class: 'lock', 'data-testid': `lock-${lock.id}`, 'data-lock': lock.id, role: 'button', tabindex: 0 },
      title,
      ring,
      doorGroup,
      body,
      svg('path', {
        d: `M ${x - 4} ${y - 1} v -3 a 4 4 0 0 1 8 0 v 3`,
        class: 'padlock-shackle',
        'aria-hidden': 'true',
      }),
      svg('rect', {
        x: x - 6,
        y: y - 1,
        width: 12,
        height: 9,
        rx: 1.5,
        class: 'padlock-body',
        'aria-hidden': 'true',
      }),
      svg('text', { x, y: y + radius + 14, class: 'label name' }, lock.name),
      state,
      doorText,
      battery,
      online,
    );
    group.addEventListener('click', () => this.onSelectLock(lock.id));
    group.addEventListener('keydown', (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      this.onSelectLock(lock.id);
    });
    this.deviceLayer.append(group);
    return { group, body, ring, door, doorGroup, state, doorText, battery, online, title };
  }

  private updateLock(lock: LockState, selected: boolean): void {
    const elements = this.locks.get(lock.id);
    if (elements === undefined) return;
    const bolt = boltLabel(lock.bolt);
    const officeMode =
      lock.bolt === 'officeMode' && lock.officeMode !== undefined ? ` (${lock.officeMode})` : '';
    const door = doorLabel(lock.door);
    const online = lock.online ? 'online' : 'offline';
    const label = `${lock.name} (${lock.id}): ${bolt}${officeMode}, ${door}, battery ${lock.battery}, ${online}`;
    update(elements.group, {
      'aria-label': label,
      'aria-pressed': selected ? 'true' : 'false',
      'data-bolt': lock.bolt,
      'data-door': lock.door,
      'data-online': String(lock.online),
    });
    elements.group.classList.toggle('selected', selected);
    elements.group.classList.toggle('offline', !lock.online);
    update(elements.body, { class: `lock-body bolt-${lock.bolt}` });
    setText(elements.title, label);
    setText(elements.state, `${bolt}${officeMode}`);
    update(elements.state, { class: `label small state bolt-${lock.bolt}` });
    setText(elements.doorText, door);
    update(elements.doorText, { class: `label small door-state door-${lock.door}` });
    setText(elements.battery, `battery ${lock.battery}`);
    update(elements.battery, { class: `label small battery battery-${lock.battery}` });
    setText(elements.online, online);
    update(elements.online, { class: `label small ${online}` });
    const x1 = Number(elements.door.getAttribute('x1'));
    const y1 = Number(elements.door.getAttribute('y1'));
    update(elements.door, {
      transform: lock.door === 'closed' ? undefined : `rotate(${-doorOpenDegrees} ${x1} ${y1})`,
    });
    update(elements.doorGroup, { 'data-state': lock.door, class: `door door-${lock.door}` });
  }

  private updateIq(iq: IqState): void {
    const elements = this.iqs.get(iq.id);
    if (elements === undefined) return;
    const status = !iq.powered ? 'power off' : iq.connected ? `online · ${iq.sync}` : 'no internet';
    setText(elements.status, status);
    setText(elements.title, `IQ ${iq.id}: ${status}`);
    update(elements.group, {
      'aria-label': `IQ ${iq.id}: ${status}`,
      class: `iq ${!iq.powered ? 'unpowered' : iq.connected ? 'connected' : 'disconnected'}`,
    });
  }

  private updateRepeater(repeater: RepeaterState): void {
    const elements = this.repeaters.get(repeater.id);
    if (elements === undefined) return;
    const status = repeater.powered ? `via ${repeater.parent ?? 'nothing'}` : 'power off';
    setText(elements.status, status);
    setText(elements.title, `repeater ${repeater.id}: ${status}`);
    update(elements.group, {
      'aria-label': `repeater ${repeater.id}: ${status}`,
      class: `repeater ${repeater.powered ? 'powered' : 'unpowered'}`,
    });
  }

  private drawLinks(devices: DeviceSnapshot, links: readonly LinkState[]): void {
    const key = links.map((link) => `${link.from}>${link.to}:${link.rssiDbm}`).join(' ');
    if (key === this.linksDrawn) return;
    this.linksDrawn = key;
    const positions = new Map<string, { x: number; y: number }>(
      [...devices.iqs, ...devices.repeaters, ...devices.locks].map((device) => [device.id, device]),
    );
    const lines: SVGElement[] = [];
    const labels: SVGElement[] = [];
    for (const link of links) {
      const from = positions.get(link.from);
      const to = positions.get(link.to);
      if (from === undefined || to === undefined) continue;
      const known = Number.isFinite(link.rssiDbm);
      const text = known
        ? `${link.from} → ${link.to}: ${link.rssiDbm} dBm`
        : `${link.from} → ${link.to}: RSSI not reported yet`;
      if (known) {
        const midX = (px(from.x) + px(to.x)) / 2;
        const midY = (py(from.y) + py(to.y)) / 2;
        labels.push(
          svg(
            'text',
            { x: midX, y: midY - 4, class: 'label small rssi-label', 'aria-hidden': 'true' },
            `${Math.round(link.rssiDbm)} dBm`,
          ),
        );
      }
      lines.push(
        svg(
          'line',
          {
            x1: px(from.x),
            y1: py(from.y),
            x2: px(to.x),
            y2: py(to.y),
            stroke: rssiColour(link.rssiDbm),
            class: known ? 'link' : 'link unknown',
            'data-testid': `link-${link.from}-${link.to}`,
            'data-rssi': known ? link.rssiDbm : undefined,
          },
          svg('title', {}, text),
        ),
      );
    }
    this.linkLayer.replaceChildren(...lines, ...labels);
  }

  private drawZones(interferences: readonly Interference[], virtualMs: number): void {
    const zones = interferences.filter((zone) => zone.fromMs <= virtualMs && virtualMs < zone.untilMs);
    if (zones.length === 0 && this.zoneLayer.childElementCount === 0) return;
    this.zoneLayer.replaceChildren(
      ...zones.map((zone) =>
        svg(
          'circle',
          {
            cx: px(zone.x),
            cy: py(zone.y),
            r: px(zone.radiusM),
            class: 'interference',
            'data-testid': 'interference',
          },
          svg('title', {}, `interference, ${zone.radiusM} m`),
        ),
      ),
    );
  }
}
