/** `lockstep replay FILE`: rerun a failure file and tell its story; exit 1 when the run breaks an invariant. */
import { failureFileSchema, readJsonFile, replayFailure } from '../scenarios/index.ts';
import { BadInputError, exitCodes } from './exit-codes.ts';

export function replayCommand(path: string, options: { json?: boolean }): void {
  const json = readJsonFile(path);
  if (!json.ok) throw new BadInputError(json.errors.map((error) => error.message).join('\n'));
  const parsed = failureFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadInputError(`${path} is not a failure file: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(file)'}: ${issue.message}`}`);
  }
  const result = replayFailure(parsed.data);
  if (options.json === true) {
    const { story: _story, ...summary } = result;
    process.stdout.write(JSON.stringify(summary) + '\n');
  } else {
    for (const line of result.story) process.stdout.write(line + '\n');
    process.stdout.write(`\n${result.reproduced ? 'REPRODUCED' : 'NOT REPRODUCED'}: trace ${result.traceHash}${result.traceHash === result.expectedHash ? ' (as recorded)' : ` (recorded ${result.expectedHash})`}\n`);
    if (result.firstDivergence !== null) process.stdout.write(`first divergence at event ${result.firstDivergence.index}:\n  recorded: ${result.firstDivergence.left ?? '(end)'}\n  now:      ${result.firstDivergence.right ?? '(end)'}\n`);
  }
  process.exitCode = result.failed ? exitCodes.failed : exitCodes.passed;
}
