/// <reference lib="dom" />
/**
 * The stage: the site's floor plan (rooms filled and named, walls drawn by material, each door in its wall), every
 * IQ, repeater and lock at its position (metres, y pointing up, scaled to fit the SVG's box), each radio link from
 * a device to its parent coloured by RSSI (dashed red and flashing while it runs through an active interference
 * zone), and the activity the messages tell (stage-activity.ts: people walking up to doors, tap ripples, packets
 * along the mesh). The device elements are built once per site layout and then only updated, so a delta costs a
 * few attribute writes, not a redraw; the activity layer is redrawn on animation frames while anything moves.
 *
 * A site with more than `canvasLocksMin` locks (a campus) is drawn on a canvas instead (stage-canvas.ts), with pan
 * and zoom; the SVG and its test hooks are the office view.
 */
import { boltLabel, doorLabel, rssiColour } from './format.ts';
import { svg, setText, update } from './dom.ts';
import type {
  DeviceSnapshot,
  FloorPlanState,
  IqState,
  LinkState,
  LockState,
  RepeaterState,
  ServerMessage,
} from './protocol.ts';
import { StageActivity, type StageFrame } from './stage-activity.ts';
import { CanvasStage } from './stage-canvas.ts';
import { offset, roomAnchor, segmentMeetsCircle, wallStyles, type Point } from './stage-geometry.ts';

/** SVG units per metre (text sizes are in these units, so they scale with the plan). */
const unit = 40;
/** Margin around the outermost devices, metres (more below for the lock labels). */
const marginM = 2.5;
const marginBelowM = 3.5;
/** Above this many locks the plan is drawn on a canvas, without text labels (a campus is a map, not a page of text). */
const canvasLocksMin = 61;
/** The door leaf, and the gap between the reader and the hinge, along the wall. */
const doorLeafM = 0.9;
const hingeFromReaderM = 0.35;
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
  /** Where the leaf ends closed and open (SVG units), the hinge being its start. */
  readonly leafClosed: Point;
  readonly leafOpen: Point;
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

function layoutKey(devices: DeviceSnapshot, plan: FloorPlanState | undefined): string {
  const place = (device: { id: string; x: number; y: number }): string =>
    `${device.id}@${device.x},${device.y}`;
  return [
    ...devices.iqs.map(place),
    '|',
    ...devices.repeaters.map(place),
    '|',
    ...devices.locks.map((lock) => `${place(lock)}:${lock.doorId}`),
    `| plan ${plan === undefined ? 0 : `${plan.rooms.length}/${plan.walls.length}`}`,
  ].join(' ');
}

/** `from>to` of each link that passes through a zone active at `virtualMs`. */
function jammedLinks(
  devices: DeviceSnapshot,
  links: readonly LinkState[],
  zones: readonly Interference[],
): Set<string> {
  const jammed = new Set<string>();
  if (zones.length === 0) return jammed;
  const positions = new Map<string, Point>(
    [...devices.iqs, ...devices.repeaters, ...devices.locks].map((device) => [device.id, device]),
  );
  for (const link of links) {
    const from = positions.get(link.from);
    const to = positions.get(link.to);
    if (from === undefined || to === undefined) continue;
    if (zones.some((zone) => segmentMeetsCircle(from, to, zone, zone.radiusM)))
      jammed.add(`${link.from}>${link.to}`);
  }
  return jammed;
}

function activeZones(interferences: readonly Interference[], virtualMs: number): Interference[] {
  return interferences.filter((zone) => zone.fromMs <= virtualMs && virtualMs < zone.untilMs);
}

function svgPoints(points: readonly Point[]): string {
  return points.map((point) => `${px(point.x)},${py(point.y)}`).join(' ');
}

/** Above this label scale (the plan drawn at under ~85 % of its size) the locks' labels go compact. */
const compactLabelK = 1.15;

interface LabelLine {
  readonly text: SVGTextElement;
  /** The lock's lowest point, in plan units. */
  readonly belowY: number;
  readonly index: number;
}

function placeLabelLine(line: LabelLine, k: number): void {
  line.text.setAttribute('y', String(line.belowY + (14 + line.index * 13) * k));
}

export class FloorPlan {
  private readonly root: SVGSVGElement;
  private readonly roomLayer = svg('g', { class: 'rooms' });
  private readonly wallLayer = svg('g', { class: 'walls' });
  private readonly linkLayer = svg('g', { class: 'links' });
  private readonly zoneLayer = svg('g', { class: 'zones' });
  private readonly deviceLayer = svg('g', { class: 'devices' });
  private readonly activityLayer = svg('g', { class: 'activity', 'aria-hidden': 'true' });
  private layout = '';
  private linksDrawn = '';
  private locks = new Map<string, LockElements>();
  private iqs = new Map<string, HubElements>();
  private repeaters = new Map<string, HubElements>();
  private drawn = new Map<string, unknown>();
  private drawnSelected = new Set<string>();
  /** The site's floor plan, from the latest snapshot (it never changes within a session). */
  private floor: FloorPlanState | undefined;
  private readonly activity = new StageActivity();
  private people = new Map<string, SVGGElement>();
  /** The locks' label lines, re-spaced when the labels' size changes; rebuilt with the plan. */
  private labelLines: LabelLine[] = [];
  private labelK = 1;
  private canvas: CanvasStage | undefined;
  private frameQueued = false;
  /** Links drawn as jammed now: while any is, frames keep coming so they flash on the canvas. */
  private jammedCount = 0;

  constructor(
    root: SVGSVGElement,
    private readonly onSelectLock: (lockId: string) => void,
  ) {
    this.root = root;
    // Labels are sized in SVG units, so a plan scaled down to fit (a projector's 1024×700) would shrink them:
    // the scale is read back whenever the plan's box changes and the labels are enlarged to stay readable.
    if (typeof ResizeObserver !== 'undefined')
      new ResizeObserver(() => this.keepLabelsReadable()).observe(root);
  }

  /** Sets `--label-k` so that labels render at least at their CSS size on screen. */
  private keepLabelsReadable(): void {
    const scale = this.root.getScreenCTM()?.a ?? 1;
    // Rounded up, so a label never lands a hair under its size.
    const k = Math.ceil((scale > 0 ? Math.max(1, 1 / scale) : 1) * 1000) / 1000;
    this.root.style.setProperty('--label-k', String(k));
    // Enlarged labels need their lines spaced as much, and a plan scaled down has no room for every line: then
    // a lock shows its name, bolt and door, and its battery and link only when they are wrong.
    this.root.classList.toggle('compact', k > compactLabelK);
    this.labelK = k;
    for (const line of this.labelLines) placeLabelLine(line, k);
  }

  /** A lock's label line `index` (0: its name) under the lock, kept spaced for the labels' size. */
  private labelLine(text: SVGTextElement, belowY: number, index: number): SVGTextElement {
    const line = { text, belowY, index };
    this.labelLines.push(line);
    placeLabelLine(line, this.labelK);
    return text;
  }

  /** Every message the page receives: the snapshot's floor plan, and the events the stage animates. */
  observe(message: ServerMessage, wallMs: number): void {
    if (message.type === 'snapshot') {
      this.floor = message.plan;
      return;
    }
    if (this.activity.observe(message, wallMs)) this.queueFrame();
  }

  render(view: FloorPlanView): void {
    const key = layoutKey(view.devices, this.floor);
    const layoutChanged = key !== this.layout;
    this.activity.setScene(view.devices, this.floor, layoutChanged);
    const zones = activeZones(view.interferences, view.virtualMs);
    const jammed = jammedLinks(view.devices, view.links, zones);
    this.jammedCount = jammed.size;
    if (view.devices.locks.length >= canvasLocksMin) {
      this.renderCanvas(view, zones, jammed, layoutChanged, key);
      return;
    }
    if (this.canvas !== undefined) this.leaveCanvas();
    if (layoutChanged) this.build(view.devices, key);
    this.drawLinks(view.devices, view.links, jammed);
    this.drawZones(zones);
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
    this.queueFrame();
  }

  private renderCanvas(
    view: FloorPlanView,
    zones: readonly Interference[],
    jammed: ReadonlySet<string>,
    layoutChanged: boolean,
    key: string,
  ): void {
    if (this.canvas === undefined) {
      this.canvas = new CanvasStage(
        () => this.queueFrame(),
        (lockId) => this.onSelectLock(lockId),
      );
      this.root.after(this.canvas.element);
      this.root.style.display = 'none';
      this.root.replaceChildren();
      this.layout = '';
    }
    if (layoutChanged) this.layout = key;
    this.canvas.setScene({
      devices: view.devices,
      links: view.links,
      jammed,
      zones,
      plan: this.floor,
      selectedLockId: view.selectedLockId,
    });
    this.queueFrame();
  }

  private leaveCanvas(): void {
    this.canvas?.destroy();
    this.canvas = undefined;
    this.root.style.display = '';
    this.layout = '';
  }

  /** Draws the activity (and the canvas) on the next animation frame, and on every frame while anything moves. */
  private queueFrame(): void {
    if (this.frameQueued) return;
    this.frameQueued = true;
    requestAnimationFrame(() => {
      this.frameQueued = false;
      const wallMs = performance.now();
      const frame = this.activity.frame(wallMs);
      if (this.canvas !== undefined) {
        this.canvas.setFrame(frame);
        this.canvas.draw();
      } else this.drawActivity(frame);
      const flashing = this.canvas !== undefined && this.jammedCount > 0;
      if (this.activity.active(wallMs) || flashing) this.queueFrame();
    });
  }

  private build(devices: DeviceSnapshot, key: string): void {
    this.layout = key;
    this.linksDrawn = '';
    this.drawn = new Map();
    this.people = new Map();
    this.labelLines = [];
    const plan = this.floor;
    const points: Point[] = [...devices.iqs, ...devices.repeaters, ...devices.locks];
    for (const room of plan?.rooms ?? []) points.push(...room.polygon);
    for (const wall of plan?.walls ?? []) points.push(...wall.points);
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
    requestAnimationFrame(() => this.keepLabelsReadable());
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
      this.roomLayer,
      this.wallLayer,
      this.linkLayer,
      this.zoneLayer,
      this.deviceLayer,
      this.activityLayer,
    );
    this.buildFloor(plan);
    this.linkLayer.replaceChildren();
    this.deviceLayer.replaceChildren();
    this.activityLayer.replaceChildren();
    this.iqs = new Map(devices.iqs.map((iq) => [iq.id, this.buildIq(iq)]));
    this.repeaters = new Map(
      devices.repeaters.map((repeater) => [repeater.id, this.buildRepeater(repeater)]),
    );
    this.locks = new Map(devices.locks.map((lock) => [lock.id, this.buildLock(lock)]));
  }

  /** Rooms (filled, named) under the walls (coloured and as thick as their material). */
  private buildFloor(plan: FloorPlanState | undefined): void {
    const rooms = (plan?.rooms ?? []).map((room) => {
      const anchor = roomAnchor(room);
      return svg(
        'g',
        { class: 'room', 'data-testid': `room-${room.id}`, 'data-room': room.id },
        svg('title', {}, room.name ?? room.id),
        svg('polygon', { points: svgPoints(room.polygon), class: 'room-floor' }),
        anchor === undefined
          ? undefined
          : svg('text', { x: px(anchor.x), y: py(anchor.y), class: 'room-name' }, room.name ?? room.id),
      );
    });
    const walls = (plan?.walls ?? []).map((wall, index) =>
      svg(
        'polyline',
        {
          points: svgPoints(wall.points),
          class: `wall wall-${wall.material}`,
          stroke: wallStyles[wall.material].colour,
          'stroke-width': Math.max(2, px(wallStyles[wall.material].widthM)),
          'data-testid': `wall-${index}`,
          'data-material': wall.material,
        },
        svg('title', {}, `${wall.id}: ${wall.material}, ${wall.lossDb} dB`),
      ),
    );
    this.roomLayer.replaceChildren(...rooms);
    this.wallLayer.replaceChildren(...walls);
  }

  /** People, tap ripples and packets for this frame (elements kept per person, so a walk is a transform). */
  private drawActivity(frame: StageFrame): void {
    const people = new Map<string, SVGGElement>();
    for (const person of frame.people) {
      let group = this.people.get(person.id);
      if (group === undefined) {
        group = svg(
          'g',
          { class: 'person', 'data-testid': `person-${person.id}`, 'data-lock': person.lockId },
          svg('circle', { cx: 0, cy: 0, r: 13, class: 'person-body' }),
          svg('circle', { cx: 0, cy: -5, r: 5.5, class: 'person-head' }),
          svg('path', { d: 'M -14 -14 L 14 14 M 14 -14 L -14 14', class: 'person-refused' }),
        );
      }
      update(group, {
        transform: `translate(${px(person.x + person.shakeM)} ${py(person.y)})`,
        opacity: Math.round(person.opacity * 100) / 100,
        'data-phase': person.phase,
        'data-x': Math.round(person.x * 100) / 100,
        'data-y': Math.round(person.y * 100) / 100,
      });
      people.set(person.id, group);
    }
    this.people = people;
    const ripples = frame.ripples.map((ripple) =>
      svg('circle', {
        cx: px(ripple.x),
        cy: py(ripple.y),
        r: px(0.35 + ripple.progress * 1.4),
        opacity: Math.round((1 - ripple.progress) * 100) / 100,
        class: 'tap-ripple',
        'data-testid': 'tap-ripple',
        'data-lock': ripple.lockId,
      }),
    );
    const packets = frame.packets.map((packet) =>
      svg('circle', { cx: px(packet.x), cy: py(packet.y), r: 6, class: 'packet', 'data-testid': 'packet' }),
    );
    this.activityLayer.replaceChildren(...ripples, ...packets, ...people.values());
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
    // The door beside its reader, in the reader's wall (or free-standing, east of it, without a wall near).
    const place = this.activity.placeOf(lock.id);
    const along = place?.along ?? { x: 1, y: 0 };
    const approach = place?.approach ?? { x: 0, y: -1 };
    const hinge = offset(lock, along, 0.5 + hingeFromReaderM - 0.2);
    const closedEnd = offset(hinge, along, doorLeafM);
    // It swings into the room beyond, away from the side people come from.
    const normal = { x: -along.y, y: along.x };
    const side = normal.x * -approach.x + normal.y * -approach.y >= 0 ? 1 : -1;
    const angle = (doorOpenDegrees * Math.PI) / 180;
    const openEnd = offset(
      hinge,
      {
        x: Math.cos(angle) * along.x + Math.sin(angle) * side * normal.x,
        y: Math.cos(angle) * along.y + Math.sin(angle) * side * normal.y,
      },
      doorLeafM,
    );
    const leafClosed = { x: px(closedEnd.x), y: py(closedEnd.y) };
    const leafOpen = { x: px(openEnd.x), y: py(openEnd.y) };
    const door = svg('line', {
      x1: px(hinge.x),
      y1: py(hinge.y),
      x2: leafClosed.x,
      y2: leafClosed.y,
      class: 'door-leaf',
    });
    const doorGroup = svg(
      'g',
      { class: 'door', 'data-testid': `door-${lock.doorId}`, 'aria-hidden': 'true' },
      place?.inWall === true
        ? svg('line', {
            x1: px(hinge.x),
            y1: py(hinge.y),
            x2: leafClosed.x,
            y2: leafClosed.y,
            class: 'door-gap',
          })
        : undefined,
      svg('circle', { cx: px(hinge.x), cy: py(hinge.y), r: 3, class: 'door-hinge' }),
      door,
    );
    const ring = svg('circle', { cx: x, cy: y, r: radius + 6, class: 'select-ring' });
    const body = svg('circle', { cx: x, cy: y, r: radius, class: 'lock-body' });
    const line = (index: number, testId: string, extraClass = ''): SVGTextElement =>
      this.labelLine(
        svg('text', { x, class: `label small ${extraClass}`.trim(), 'data-testid': testId }),
        y + radius,
        index,
      );
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
      this.labelLine(svg('text', { x, class: 'label name' }, lock.name), y + radius, 0),
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
    return {
      leafClosed,
      leafOpen,
      group,
      body,
      ring,
      door,
      doorGroup,
      state,
      doorText,
      battery,
      online,
      title,
    };
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
    const leafEnd = lock.door === 'closed' ? elements.leafClosed : elements.leafOpen;
    update(elements.door, { x2: leafEnd.x, y2: leafEnd.y });
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

  private drawLinks(devices: DeviceSnapshot, links: readonly LinkState[], jammed: ReadonlySet<string>): void {
    const key = links
      .map(
        (link) =>
          `${link.from}>${link.to}:${link.rssiDbm}${jammed.has(`${link.from}>${link.to}`) ? '!' : ''}`,
      )
      .join(' ');
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
            class: `${known ? 'link' : 'link unknown'}${jammed.has(`${link.from}>${link.to}`) ? ' jammed' : ''}`,
            'data-jammed': jammed.has(`${link.from}>${link.to}`) ? 'true' : undefined,
            'data-testid': `link-${link.from}-${link.to}`,
            'data-rssi': known ? link.rssiDbm : undefined,
          },
          svg('title', {}, text),
        ),
      );
    }
    this.linkLayer.replaceChildren(...lines, ...labels);
  }

  private drawZones(zones: readonly Interference[]): void {
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
