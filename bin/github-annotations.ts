/**
 * GitHub Actions workflow commands for a sweep's failures: under `GITHUB_ACTIONS=true` each failure becomes an
 * `::error title=…::message` line, which GitHub shows on the run's summary and in the log. They go to stderr
 * (GitHub reads both streams), so that `--json` keeps stdout one JSON object. Escaping follows GitHub's rules
 * (actions/toolkit `command.ts`): in the message `%`, `\r`, `\n`; in a property also `:` and `,`.
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Characters of one annotation's message: GitHub cuts long ones anyway, and a log line should stay readable. */
const messageCharsMax = 4_000;
const titleCharsMax = 200;

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command line (without its newline). */
export function annotationLine(level: AnnotationLevel, title: string, message: string): string {
  return `::${level} title=${escapeProperty(title.slice(0, titleCharsMax))}::${escapeData(message.slice(0, messageCharsMax))}`;
}

/** Whether annotations are wanted: the runner sets `GITHUB_ACTIONS=true` in every step. */
export function inGitHubActions(env: Readonly<Record<string, string | undefined>>): boolean {
  return env['GITHUB_ACTIONS'] === 'true';
}

/** Annotations a run prints at most (GitHub shows 10 errors per step; the rest are in the files). */
export const annotationsMax = 50;

/** Prints the annotations on stderr when running under GitHub Actions (at most `annotationsMax`). */
export function printAnnotations(
  annotations: readonly {
    readonly level: AnnotationLevel;
    readonly title: string;
    readonly message: string;
  }[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  if (!inGitHubActions(env)) return;
  for (const { level, title, message } of annotations.slice(0, annotationsMax))
    process.stderr.write(annotationLine(level, title, message) + '\n');
  if (annotations.length > annotationsMax)
    process.stderr.write(
      annotationLine(
        'warning',
        'lockstep',
        `${annotations.length - annotationsMax} more annotations left out`,
      ) + '\n',
    );
}
