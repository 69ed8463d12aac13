/** The coverage report in plain words, for `lockstep check --coverage` on a terminal. */
import type { CoverageReport, CoverageVerdict } from '../coverage.ts';

/** Missing ids listed per machine before the rest is summed up ("… and 12 more"). */
const missingShownMax = 12;

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, missingShownMax).join(', ');
  return ids.length > missingShownMax ? `${shown} … and ${ids.length - missingShownMax} more` : shown;
}

export function describeCoverage(report: CoverageReport, verdict: CoverageVerdict | undefined): string[] {
  const lines = [`coverage over ${report.runs} runs:`];
  for (const [machine, { states, transitions }] of Object.entries(report.machines)) {
    lines.push(
      `  ${machine.padEnd(9)} states ${states.reached}/${states.total}, transitions ${transitions.reached}/${transitions.total} (${transitions.percent}%)`,
    );
    if (states.missing.length > 0) lines.push(`            states never reached: ${listed(states.missing)}`);
    if (transitions.missing.length > 0)
      lines.push(`            transitions never taken: ${listed(transitions.missing)}`);
  }
  lines.push('  situations (runs that reached each):');
  const width = Math.max(...report.situations.map((situation) => String(situation.runs).length));
  for (const situation of report.situations)
    lines.push(
      `    ${String(situation.runs).padStart(width)}  ${situation.name}${situation.runs === 0 ? '  (never reached)' : ''}`,
    );
  if (verdict?.met === false) {
    lines.push('COVERAGE NOT MET:');
    for (const line of verdict.unmet) lines.push(`  ${line}`);
  } else if (verdict?.met === true) lines.push('coverage met');
  return lines;
}
