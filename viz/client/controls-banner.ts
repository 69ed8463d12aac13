/// <reference lib="dom" />
/**
 * The alert banner across the top: every active alert of the live twin (NOT CLOSED, intrusion, low battery) with
 * the lock's name and when it was raised in the site's time; it clears when the alert clears. It shows the live
 * alerts even while the page looks at history: they are happening now.
 *
 * The sound toggle is off by default. Only a click turns it on, and only then is an AudioContext made (browsers
 * refuse autoplay, and a demo room should not beep unasked); a newly raised alert then beeps once.
 */
import { html, setText, update } from './dom.ts';
import type { AlertState } from './protocol.ts';
import { alertWord } from './words.ts';

export interface AlertBannerOptions {
  readonly banner: HTMLElement;
  readonly sound: HTMLButtonElement;
  /** A lock's name for people. */
  readonly lockName: (lockId: string) => string;
  /** A UTC instant as the site's time with its zone. */
  readonly timeOf: (utcMs: number) => string;
}

/** The beep: short, mid-pitch, quiet. */
const beepHz = 880;
const beepMs = 180;
const beepGain = 0.08;

function alertKey(alert: AlertState): string {
  return `${alert.lockId}\u0000${alert.kind}\u0000${alert.raisedUtcMs}`;
}

export class AlertBanner {
  private drawn = '';
  private known = new Set<string>();
  private audio: AudioContext | undefined;
  private soundOn = false;

  constructor(private readonly options: AlertBannerOptions) {
    options.sound.addEventListener('click', () => this.toggleSound());
  }

  render(alerts: readonly AlertState[]): void {
    const keys = alerts.map(alertKey);
    const key = keys.join('\n');
    if (key === this.drawn) return;
    this.drawn = key;
    const raised = keys.some((candidate) => !this.known.has(candidate));
    this.known = new Set(keys);
    const banner = this.options.banner;
    banner.replaceChildren(
      ...alerts.map((alert) =>
        html(
          'span',
          {
            class: 'banner-alert',
            'data-testid': `banner-alert-${alert.lockId}-${alert.kind}`,
            'data-kind': alert.kind,
            'data-lock': alert.lockId,
          },
          html('b', {}, alertWord(alert.kind)),
          this.options.lockName(alert.lockId),
          html('span', {}, `since ${this.options.timeOf(alert.raisedUtcMs)}`),
        ),
      ),
    );
    banner.hidden = alerts.length === 0;
    if (raised && alerts.length > 0) this.beep();
  }

  private toggleSound(): void {
    this.soundOn = !this.soundOn;
    const button = this.options.sound;
    update(button, { 'aria-pressed': this.soundOn ? 'true' : 'false' });
    setText(button, this.soundOn ? 'Sound on' : 'Sound off');
    if (this.soundOn) {
      // Made (or woken) inside the click, the one moment a browser lets a page start audio.
      this.audio ??= new AudioContext();
      void this.audio.resume();
      this.beep();
    }
  }

  private beep(): void {
    const audio = this.audio;
    if (!this.soundOn || audio === undefined) return;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = beepHz;
    gain.gain.value = beepGain;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + beepMs / 1000);
  }
}
