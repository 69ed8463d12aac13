/**
 * The CLI's progress bars (`run --all`, `check`, `bench`): on stderr, only when stderr is a terminal, never with
 * `--json` and never on CI (`CI` set to anything but `false` or `0`), so piped and machine-read output stays
 * exactly what it was.
 */
import { SingleBar } from 'cli-progress';

export interface ProgressOptions {
  readonly total: number;
  /** What is counted (`runs`, `scenarios`, `figures`). */
  readonly unit: string;
  /** Before the bar (`check`, `determinism`); none by default. */
  readonly label?: string;
  readonly json: boolean;
  /** Where the bar goes: stderr unless a test says otherwise. */
  readonly stream?: NodeJS.WriteStream;
  readonly env?: NodeJS.ProcessEnv;
}

export interface Progress {
  /** Whether a bar is drawn at all. */
  readonly shown: boolean;
  /** One more done. */
  tick(): void;
  /** `done` of the total done, now on `what` (a scenario's name, a figure's stage). */
  update(done: number, what: string): void;
  stop(): void;
}

const hidden: Progress = {
  shown: false,
  tick: () => undefined,
  update: () => undefined,
  stop: () => undefined,
};

/** True when a bar may be drawn on `stream` (see the file's comment). */
export function progressShown(options: Pick<ProgressOptions, 'json' | 'stream' | 'env'>): boolean {
  const stream = options.stream ?? process.stderr;
  const ci = (options.env ?? process.env).CI;
  const onCi = ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
  return !options.json && !onCi && stream.isTTY === true;
}

export function progressBar(options: ProgressOptions): Progress {
  if (!progressShown(options)) return hidden;
  const label = options.label === undefined ? '' : `${options.label} `;
  const bar = new SingleBar({
    format: `${label}[{bar}] {value}/{total} ${options.unit} | {eta_formatted} left{what}`,
    stream: options.stream ?? process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(options.total, 0, { what: '' });
  let stopped = false;
  return {
    shown: true,
    tick: () => bar.increment(),
    update: (done, what) => bar.update(done, { what: `  ${what}` }),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
