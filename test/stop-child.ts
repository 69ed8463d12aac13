import type { ChildProcess } from 'node:child_process';

/** Stops a `lockstep serve` a test started (Ctrl-C, as a person would) and waits for it to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}
