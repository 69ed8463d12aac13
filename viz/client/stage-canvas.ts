/// <reference lib="dom" />
/**
 * The stage drawn on a canvas, for sites too large for SVG (a campus: 64 buildings, 1,024 locks): rooms, walls by
 * material, radio links by RSSI (dashed red through an active interference zone), IQs, repeaters, locks by
 * state, and the activity (people, tap ripples, packets). Pan by dragging, zoom with the wheel or the buttons;
 * a click selects the lock under the pointer. Each frame is drawn in a few batched paths (one per colour), and
 * only what is in view, so a frame stays a few milliseconds at any zoom.
 *
 * Test hooks: the canvas is `floor-canvas` with `data-scale` (pixels per metre), `data-center-x`/`-y` (metres)
 * `data-drawn-locks` and `data-draw-ms` (the last frame's drawing time); the buttons are `stage-zoom-in`, `stage-zoom-out` and `stage-zoom-fit`.
 */
import { html } from './dom.ts';
import { rssiColour } from './format.ts';
import type { DeviceSnapshot, FloorPlanState, LinkState } from './protocol.ts';
import type { StageFrame } from './stage-activity.ts';
import { wallStyles, type Point, type WallMaterial } from './stage-geometry.ts';

export interface CanvasScene {
  readonly devices: DeviceSnapshot;
  readonly links: readonly LinkState[];
  /** Links passing through an active interference zone, by `from>to`. */
  readonly jammed: ReadonlySet<string>;
  readonly zones: readonly { readonly x: number; readonly y: number; readonly radiusM: number }[];
  readonly plan: FloorPlanState | undefined;
  readonly selectedLockId: string | undefined;
}

const zoomStep = 1.25;
const scaleMin = 0.2;
const scaleMax = 120;
/** A press that moves less than this is a click, not a drag. */
const clickSlopPx = 4;
/** Device states reach the cached layer at most this often (the view moving redraws it at once). */
const sceneRedrawMs = 200;
const lockColours = { locked: '#3b5b92', unlocked: '#24914a', officeMode: '#c77d0a', offline: '#a9b0bb' };

export class CanvasStage {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private scene: CanvasScene | undefined;
  private frame: StageFrame = { people: [], ripples: [], packets: [] };
  private centre: Point = { x: 0, y: 0 };
  /** Pixels per metre. */
  private scale = 1;
  private fitted = false;
  private drag: { x: number; y: number; centre: Point; moved: boolean } | undefined;
  private readonly resize: ResizeObserver;
  /** The cached layer of the site (see `draw`), what it shows, and when it was drawn. */
  private readonly base = html('canvas');
  private readonly baseContext: CanvasRenderingContext2D;
  private baseView = '';
  private baseScene: CanvasScene | undefined;
  private baseAtMs = Number.NEGATIVE_INFINITY;
  private drawnLocks = 0;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private positionsOf: { readonly devices: DeviceSnapshot; readonly map: Map<string, Point> } | undefined;

  constructor(
    private readonly requestDraw: () => void,
    private readonly onSelectLock: (lockId: string) => void,
  ) {
    this.canvas = html('canvas', { 'data-testid': 'floor-canvas', 'aria-label': 'Floor plan (canvas)' });
    this.canvas.setAttribute('role', 'img');
    const context = this.canvas.getContext('2d', { alpha: false });
    if (context === null) throw new Error('this browser has no 2D canvas');
    this.context = context;
    const baseContext = this.base.getContext('2d', { alpha: false });
    if (baseContext === null) throw new Error('this browser has no 2D canvas');
    this.baseContext = baseContext;
    const button = (testId: string, label: string, text: string, action: () => void): HTMLButtonElement => {
      const element = html('button', { type: 'button', 'data-testid': testId, 'aria-label': label }, text);
      element.addEventListener('click', action);
      return element;
    };
    const controls = html(
      'div',
      { class: 'stage-zoom', role: 'group', 'aria-label': 'Zoom' },
      button('stage-zoom-in', 'Zoom in', '+', () => this.zoomBy(zoomStep)),
      button('stage-zoom-out', 'Zoom out', '−', () => this.zoomBy(1 / zoomStep)),
      button('stage-zoom-fit', 'Fit the whole site', 'fit', () => this.fit()),
    );
    this.element = html('div', { class: 'stage-canvas' }, this.canvas, controls);
    this.wire();
    this.resize = new ResizeObserver(() => this.requestDraw());
    this.resize.observe(this.element);
  }

  destroy(): void {
    clearTimeout(this.redrawTimer);
    this.resize.disconnect();
    this.element.remove();
  }

  setScene(scene: CanvasScene): void {
    if (this.scene?.devices.locks.length !== scene.devices.locks.length) this.fitted = false;
    this.scene = scene;
  }

  setFrame(frame: StageFrame): void {
    this.frame = frame;
  }

  /**
   * Draws the scene now (the owner calls it from its animation frame). The site itself (rooms, walls, links,
   * devices) is drawn into a cached layer, again at once when the view moves and at most every `sceneRedrawMs`
   * when only device states change; each frame copies that layer and draws what moves (people, ripples, packets,
   * flashing links) over it.
   */
  draw(): void {
    const scene = this.scene;
    if (scene === undefined) return;
    const startMs = performance.now();
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(this.element.clientWidth * ratio));
    const height = Math.max(1, Math.round(this.element.clientHeight * ratio));
    for (const canvas of [this.canvas, this.base])
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
    if (!this.fitted) this.fit(false);
    const s = this.scale * ratio;
    const viewKey = `${width}x${height}@${s},${this.centre.x},${this.centre.y}`;
    const view = this.visibleBox(width / s, height / s);
    const transform = [s, 0, 0, -s, width / 2 - this.centre.x * s, height / 2 + this.centre.y * s] as const;
    const sceneDue = scene !== this.baseScene && startMs - this.baseAtMs >= sceneRedrawMs;
    if (viewKey !== this.baseView || sceneDue) {
      const b = this.baseContext;
      b.setTransform(1, 0, 0, 1, 0, 0);
      b.fillStyle = '#ffffff';
      b.fillRect(0, 0, width, height);
      // World (metres, y up) to canvas pixels.
      b.setTransform(...transform);
      this.drawRooms(b, scene.plan, view);
      this.drawWalls(b, scene.plan, view, s);
      this.drawLinks(b, scene, view, s);
      this.drawZones(b, scene, s);
      this.drawnLocks = this.drawDevices(b, scene, view, s);
      this.baseView = viewKey;
      this.baseScene = scene;
      this.baseAtMs = startMs;
    } else if (scene !== this.baseScene && this.redrawTimer === undefined) {
      // A change not drawn yet: make sure a frame comes for it even when nothing moves.
      this.redrawTimer = setTimeout(() => {
        this.redrawTimer = undefined;
        this.requestDraw();
      }, sceneRedrawMs);
    }
    const g = this.context;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.drawImage(this.base, 0, 0);
    g.setTransform(...transform);
    this.drawJammed(g, scene, view, s);
    this.drawActivity(g, s);
    this.canvas.dataset.scale = String(Math.round(this.scale * 1000) / 1000);
    this.canvas.dataset.centerX = String(Math.round(this.centre.x * 100) / 100);
    this.canvas.dataset.centerY = String(Math.round(this.centre.y * 100) / 100);
    this.canvas.dataset.drawnLocks = String(this.drawnLocks);
    this.canvas.dataset.drawMs = (performance.now() - startMs).toFixed(1);
  }

  private visibleBox(widthM: number, heightM: number): Box {
    return {
      minX: this.centre.x - widthM / 2,
      maxX: this.centre.x + widthM / 2,
      minY: this.centre.y - heightM / 2,
      maxY: this.centre.y + heightM / 2,
    };
  }

  private drawRooms(g: CanvasRenderingContext2D, plan: FloorPlanState | undefined, view: Box): void {
    if (plan === undefined) return;
    g.beginPath();
    for (const room of plan.rooms) {
      if (!polylineVisible(room.polygon, view)) continue;
      room.polygon.forEach((point, index) =>
        index === 0 ? g.moveTo(point.x, point.y) : g.lineTo(point.x, point.y),
      );
      g.closePath();
    }
    g.fillStyle = '#f1f4f8';
    g.fill();
  }

  private drawWalls(
    g: CanvasRenderingContext2D,
    plan: FloorPlanState | undefined,
    view: Box,
    s: number,
  ): void {
    if (plan === undefined) return;
    const byMaterial = new Map<WallMaterial, FloorPlanState['walls']>();
    for (const wall of plan.walls) {
      if (!polylineVisible(wall.points, view)) continue;
      const list = byMaterial.get(wall.material) ?? [];
      list.push(wall);
      byMaterial.set(wall.material, list);
    }
    g.lineCap = 'square';
    g.lineJoin = 'miter';
    for (const [material, walls] of byMaterial) {
      const style = wallStyles[material];
      g.beginPath();
      for (const wall of walls)
        wall.points.forEach((point, index) =>
          index === 0 ? g.moveTo(point.x, point.y) : g.lineTo(point.x, point.y),
        );
      g.strokeStyle = style.colour;
      g.lineWidth = Math.max(style.widthM, 1.2 / s);
      g.stroke();
    }
  }

  private drawLinks(g: CanvasRenderingContext2D, scene: CanvasScene, view: Box, s: number): void {
    const positions = this.positions(scene.devices);
    const byColour = new Map<string, [Point, Point][]>();
    for (const link of scene.links) {
      const from = positions.get(link.from);
      const to = positions.get(link.to);
      if (from === undefined || to === undefined || !polylineVisible([from, to], view)) continue;
      if (scene.jammed.has(`${link.from}>${link.to}`)) continue;
      const colour = rssiColour(link.rssiDbm);
      const list = byColour.get(colour) ?? [];
      list.push([from, to]);
      byColour.set(colour, list);
    }
    g.lineCap = 'round';
    g.lineWidth = Math.max(0.12, 1.5 / s);
    g.globalAlpha = 0.8;
    for (const [colour, segments] of byColour) strokeSegments(g, segments, colour);
    g.globalAlpha = 1;
  }

  /** Links through an active interference zone: dashed red, flashing (drawn every frame, over the cached layer). */
  private drawJammed(g: CanvasRenderingContext2D, scene: CanvasScene, view: Box, s: number): void {
    if (scene.jammed.size === 0) return;
    const positions = this.positions(scene.devices);
    const jammed: [Point, Point][] = [];
    for (const link of scene.links) {
      if (!scene.jammed.has(`${link.from}>${link.to}`)) continue;
      const from = positions.get(link.from);
      const to = positions.get(link.to);
      if (from !== undefined && to !== undefined && polylineVisible([from, to], view))
        jammed.push([from, to]);
    }
    g.lineCap = 'round';
    g.lineWidth = Math.max(0.16, 2 / s);
    g.setLineDash([6 / s, 5 / s]);
    // Flashing, by the wall clock: only the drawing blinks, never anything the twin decides.
    g.globalAlpha = 0.45 + 0.45 * Math.abs(Math.sin(performance.now() / 180));
    strokeSegments(g, jammed, '#d32f2f');
    g.setLineDash([]);
    g.globalAlpha = 1;
  }

  /** Where each device is, by id (kept for one device snapshot: positions never change, lists do). */
  private positions(devices: DeviceSnapshot): Map<string, Point> {
    if (this.positionsOf?.devices !== devices) this.positionsOf = { devices, map: positionsOf(devices) };
    return this.positionsOf.map;
  }

  private drawZones(g: CanvasRenderingContext2D, scene: CanvasScene, s: number): void {
    for (const zone of scene.zones) {
      g.beginPath();
      g.arc(zone.x, zone.y, zone.radiusM, 0, 2 * Math.PI);
      g.fillStyle = 'rgba(198, 40, 40, 0.12)';
      g.fill();
      g.setLineDash([8 / s, 6 / s]);
      g.strokeStyle = 'rgba(198, 40, 40, 0.6)';
      g.lineWidth = 2 / s;
      g.stroke();
      g.setLineDash([]);
    }
  }

  /** Devices, batched by colour; returns how many locks were in view. */
  private drawDevices(g: CanvasRenderingContext2D, scene: CanvasScene, view: Box, s: number): number {
    const lockRadiusM = Math.max(0.45, 2.5 / s);
    const byColour = new Map<string, Point[]>();
    let drawn = 0;
    for (const lock of scene.devices.locks) {
      if (!inBox(lock, view, lockRadiusM)) continue;
      drawn += 1;
      const colour = lock.online ? lockColours[lock.bolt] : lockColours.offline;
      const list = byColour.get(colour) ?? [];
      list.push(lock);
      byColour.set(colour, list);
    }
    for (const [colour, points] of byColour) {
      g.beginPath();
      for (const point of points) {
        g.moveTo(point.x + lockRadiusM, point.y);
        g.arc(point.x, point.y, lockRadiusM, 0, 2 * Math.PI);
      }
      g.fillStyle = colour;
      g.fill();
    }
    const selected = scene.devices.locks.find((lock) => lock.id === scene.selectedLockId);
    if (selected !== undefined) {
      g.beginPath();
      g.arc(selected.x, selected.y, lockRadiusM * 1.8, 0, 2 * Math.PI);
      g.strokeStyle = '#7aa7ff';
      g.lineWidth = 3 / s;
      g.stroke();
    }
    const hubM = Math.max(0.55, 3.5 / s);
    g.beginPath();
    for (const repeater of scene.devices.repeaters) {
      if (!inBox(repeater, view, hubM)) continue;
      g.moveTo(repeater.x, repeater.y + hubM);
      g.lineTo(repeater.x + hubM, repeater.y);
      g.lineTo(repeater.x, repeater.y - hubM);
      g.lineTo(repeater.x - hubM, repeater.y);
      g.closePath();
    }
    g.fillStyle = '#5c6f91';
    g.fill();
    for (const iq of scene.devices.iqs) {
      if (!inBox(iq, view, hubM)) continue;
      g.fillStyle = !iq.powered ? '#9aa3b1' : iq.connected ? '#27457a' : '#c62828';
      g.fillRect(iq.x - hubM, iq.y - hubM, 2 * hubM, 2 * hubM);
    }
    return drawn;
  }

  private drawActivity(g: CanvasRenderingContext2D, s: number): void {
    const { people, ripples, packets } = this.frame;
    for (const ripple of ripples) {
      g.beginPath();
      g.arc(ripple.x, ripple.y, 0.4 + ripple.progress * 1.6, 0, 2 * Math.PI);
      g.strokeStyle = `rgba(36, 145, 74, ${1 - ripple.progress})`;
      g.lineWidth = Math.max(0.08, 2 / s);
      g.stroke();
    }
    g.fillStyle = '#f2a93b';
    for (const packet of packets) {
      g.beginPath();
      g.arc(packet.x, packet.y, Math.max(0.2, 2.5 / s), 0, 2 * Math.PI);
      g.fill();
    }
    for (const person of people) {
      g.globalAlpha = person.opacity;
      g.beginPath();
      g.arc(person.x + person.shakeM, person.y, Math.max(0.3, 3 / s), 0, 2 * Math.PI);
      g.fillStyle = person.phase === 'refused' ? '#c62828' : '#1d2430';
      g.fill();
    }
    g.globalAlpha = 1;
  }

  /** Zooms about the canvas's centre (buttons) or about a point on screen (the wheel). */
  private zoomBy(factor: number, aboutPx?: Point): void {
    const next = Math.min(scaleMax, Math.max(scaleMin, this.scale * factor));
    if (aboutPx !== undefined) {
      const rect = this.canvas.getBoundingClientRect();
      const dx = aboutPx.x - rect.width / 2;
      const dy = aboutPx.y - rect.height / 2;
      // Keep the world point under the pointer where it is.
      this.centre = {
        x: this.centre.x + dx / this.scale - dx / next,
        y: this.centre.y - dy / this.scale + dy / next,
      };
    }
    this.scale = next;
    this.requestDraw();
  }

  private fit(draw = true): void {
    const scene = this.scene;
    if (scene === undefined) return;
    const points: Point[] = [...scene.devices.iqs, ...scene.devices.repeaters, ...scene.devices.locks];
    for (const wall of scene.plan?.walls ?? []) points.push(...wall.points);
    if (points.length === 0) return;
    const box = boxOf(points);
    const width = Math.max(1, this.element.clientWidth);
    const height = Math.max(1, this.element.clientHeight);
    this.centre = { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 };
    const scale = 0.94 * Math.min(width / (box.maxX - box.minX + 4), height / (box.maxY - box.minY + 4));
    this.scale = Math.min(scaleMax, Math.max(scaleMin, scale));
    this.fitted = true;
    if (draw) this.requestDraw();
  }

  private wire(): void {
    const canvas = this.canvas;
    canvas.addEventListener('pointerdown', (event) => {
      // Capture keeps a drag going outside the canvas; a synthetic event has no pointer to capture.
      try {
        canvas.setPointerCapture(event.pointerId);
      } catch {
        // Dragging still works inside the canvas.
      }
      this.drag = { x: event.clientX, y: event.clientY, centre: this.centre, moved: false };
    });
    canvas.addEventListener('pointermove', (event) => {
      const drag = this.drag;
      if (drag === undefined) return;
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < clickSlopPx) return;
      drag.moved = true;
      this.centre = { x: drag.centre.x - dx / this.scale, y: drag.centre.y + dy / this.scale };
      this.requestDraw();
    });
    canvas.addEventListener('pointerup', (event) => {
      const drag = this.drag;
      this.drag = undefined;
      if (drag !== undefined && !drag.moved) this.selectAt(event.offsetX, event.offsetY);
    });
    canvas.addEventListener('pointercancel', () => (this.drag = undefined));
    canvas.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        this.zoomBy(Math.pow(zoomStep, -event.deltaY / 100), { x: event.offsetX, y: event.offsetY });
      },
      { passive: false },
    );
  }

  /** The lock under a click (within a few pixels), if any. */
  private selectAt(xPx: number, yPx: number): void {
    const scene = this.scene;
    if (scene === undefined) return;
    const rect = this.canvas.getBoundingClientRect();
    const world = {
      x: this.centre.x + (xPx - rect.width / 2) / this.scale,
      y: this.centre.y - (yPx - rect.height / 2) / this.scale,
    };
    const reachM = Math.max(0.6, 8 / this.scale);
    let best: { id: string; distanceM: number } | undefined;
    for (const lock of scene.devices.locks) {
      const distanceM = Math.hypot(lock.x - world.x, lock.y - world.y);
      if (distanceM <= reachM && (best === undefined || distanceM < best.distanceM))
        best = { id: lock.id, distanceM };
    }
    if (best !== undefined) this.onSelectLock(best.id);
  }
}

interface Box {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

function boxOf(points: readonly Point[]): Box {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const point of points) {
    minX = Math.min(minX, point.x);
    maxX = Math.max(maxX, point.x);
    minY = Math.min(minY, point.y);
    maxY = Math.max(maxY, point.y);
  }
  return { minX, maxX, minY, maxY };
}

function inBox(point: Point, box: Box, marginM: number): boolean {
  return (
    point.x >= box.minX - marginM &&
    point.x <= box.maxX + marginM &&
    point.y >= box.minY - marginM &&
    point.y <= box.maxY + marginM
  );
}

function polylineVisible(points: readonly Point[], view: Box): boolean {
  const box = boxOf(points);
  return box.maxX >= view.minX && box.minX <= view.maxX && box.maxY >= view.minY && box.minY <= view.maxY;
}

function positionsOf(devices: DeviceSnapshot): Map<string, Point> {
  const positions = new Map<string, Point>();
  for (const device of devices.iqs) positions.set(device.id, device);
  for (const device of devices.repeaters) positions.set(device.id, device);
  for (const device of devices.locks) positions.set(device.id, device);
  return positions;
}

function strokeSegments(
  g: CanvasRenderingContext2D,
  segments: readonly [Point, Point][],
  colour: string,
): void {
  g.beginPath();
  for (const [from, to] of segments) {
    g.moveTo(from.x, from.y);
    g.lineTo(to.x, to.y);
  }
  g.strokeStyle = colour;
  g.stroke();
}
