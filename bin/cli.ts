/**
 * `lockstep`: list, run and benchmark the twin (the commands are in cli-program.ts). `--json` prints one JSON
 * object on stdout; exit code 0 = passed, 1 = failed, 2 = bad input (with a message naming what was wrong, never
 * a stack trace).
 */
import { errorText, printJsonError, runCli, wantsJson } from './cli-program.ts';
import { exitCodes } from './exit-codes.ts';

type EscapeEvent = 'uncaughtException' | 'unhandledRejection';

/**
 * An error thrown outside the command's own call still ends the run with one line, never a stack trace: XState
 * reports an error inside a device machine by throwing it from a timer, after the command has returned. When
 * something else listens too (`serve`: the server ends the live session and goes on serving), it is theirs.
 */
function exitOnEscapedError(event: EscapeEvent): (error: unknown) => void {
  return (error) => {
    // A reader that went away (`lockstep list | head`) is not an error of the command.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') process.exit(exitCodes.passed);
    if (process.listenerCount(event) > 1) return;
    process.stderr.write(`lockstep: internal error: ${errorText(error)}\n`);
    if (wantsJson(process.argv.slice(2)))
      printJsonError({ code: 'internal-error', message: errorText(error) });
    process.exit(exitCodes.failed);
  };
}

process.on('uncaughtException', exitOnEscapedError('uncaughtException'));
process.on('unhandledRejection', exitOnEscapedError('unhandledRejection'));
process.exitCode = await runCli(process.argv.slice(2));
