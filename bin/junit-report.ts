/**
 * JUnit XML for CI systems (GitLab, Jenkins, GitHub test reporters): one test case per shard of a sweep
 * (`check --junit`) or per result file (`merge --junit`), with the sweep's seed, shard and runs as properties and
 * the replay command of each failure; the failure element carries each failure's story (its message and the
 * narrated lines of the shrunk case), bounded. Built with junit-report-builder; the text handed to it is made
 * legal XML first (the library throws on control characters and escapes only the first `]]>` of a CDATA body).
 */
import junitReportModule, { type Builder } from 'junit-report-builder';
import { describeSweep, type SweepFailure, type SweepIdentity } from '../scenarios/index.ts';

export interface JunitCase {
  readonly name: string;
  readonly className: string;
  /** Name and value, in this order. */
  readonly properties: readonly (readonly [string, string])[];
  readonly failures: readonly SweepFailure[];
  /** What else failed this case with no failure of its own (coverage unmet, runs missing). */
  readonly problems?: readonly string[];
  readonly timeS?: number;
}

export interface JunitSuite {
  readonly name: string;
  readonly sweep: SweepIdentity;
  readonly properties?: readonly (readonly [string, string])[];
  readonly cases: readonly JunitCase[];
}

/**
 * The package's builder. It is CommonJS (`module.exports = builder`) with types written as an ES module
 * (`export default`), so under NodeNext the types see `{ default: builder }` while Node and esbuild hand over the
 * builder itself: take whichever is there.
 */
const rootBuilder: Builder =
  (junitReportModule as unknown as { default?: Builder }).default ??
  (junitReportModule as unknown as Builder);

/** Characters in one failure element's body: stories of many failures stay readable and the file small. */
const failureBodyCharsMax = 64_000;
/** Failures told in one failure element's body (the rest are named by count). */
const failuresToldMax = 20;

/** A code point XML 1.0 can hold: tab, newline, return and the rest but lone surrogates, U+FFFE and U+FFFF. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/** Text any XML element, attribute or CDATA section can hold (others become U+FFFD, `]]>` is broken up). */
export function xmlSafe(text: string): string {
  let safe = '';
  for (const char of text) safe += isXmlChar(char.codePointAt(0) ?? 0) ? char : '\uFFFD';
  return safe.replaceAll(']]>', ']] >');
}

/** The properties every case of a sweep carries. */
export function sweepProperties(sweep: SweepIdentity): [string, string][] {
  return [
    ['seed', String(sweep.seed)],
    ['runs', String(sweep.runs)],
    ['steps', String(sweep.steps)],
    ['mode', sweep.mode],
    ['defects', sweep.defects.join(',')],
  ];
}

function failureTitle(failure: SweepFailure): string {
  return `${failure.invariant} in run ${failure.runIndex}: ${failure.message}`;
}

/** The body of a case's failure element: each failure's header, replay command and story, bounded. */
function failureBody(junitCase: JunitCase): string {
  const parts: string[] = [...(junitCase.problems ?? [])];
  for (const failure of junitCase.failures.slice(0, failuresToldMax)) {
    parts.push(
      [
        `FAILED ${failure.invariant} in run ${failure.runIndex} (fast-check seed ${failure.fcSeed}), ${failure.inputs} step(s), fingerprint ${failure.fingerprint}`,
        `  ${failure.message}`,
        ...(failure.replay === undefined ? [] : [`replay: ${failure.replay}`]),
        ...(failure.story ?? []),
      ].join('\n'),
    );
  }
  if (junitCase.failures.length > failuresToldMax)
    parts.push(
      `… and ${junitCase.failures.length - failuresToldMax} more failure(s), in the result document`,
    );
  const body = parts.join('\n\n');
  return body.length <= failureBodyCharsMax ? body : `${body.slice(0, failureBodyCharsMax)}\n… (cut)`;
}

function failureMessage(junitCase: JunitCase): string {
  const first = junitCase.failures[0];
  const more = junitCase.failures.length + (junitCase.problems?.length ?? 0) - 1;
  const head = first === undefined ? (junitCase.problems?.[0] ?? 'failed') : failureTitle(first);
  return more > 0 ? `${head} (and ${more} more)` : head;
}

/** The JUnit XML document of a suite of cases. */
export function junitXmlOf(suite: JunitSuite): string {
  const builder = rootBuilder.newBuilder();
  builder.name(xmlSafe(suite.name));
  const testSuite = builder.testSuite().name(xmlSafe(suite.name));
  for (const [name, value] of [...sweepProperties(suite.sweep), ...(suite.properties ?? [])])
    testSuite.property(xmlSafe(name), xmlSafe(value));
  for (const junitCase of suite.cases) {
    const testCase = testSuite
      .testCase()
      .className(xmlSafe(junitCase.className))
      .name(xmlSafe(junitCase.name));
    if (junitCase.timeS !== undefined) testCase.time(junitCase.timeS);
    for (const [name, value] of junitCase.properties) testCase.property(xmlSafe(name), xmlSafe(value));
    junitCase.failures.forEach((failure, at) => {
      if (failure.replay !== undefined) testCase.property(`replay-${at + 1}`, xmlSafe(failure.replay));
    });
    if (junitCase.failures.length > 0 || (junitCase.problems?.length ?? 0) > 0) {
      const type = junitCase.failures[0]?.invariant ?? 'lockstep';
      testCase.failure(xmlSafe(failureMessage(junitCase)), xmlSafe(type));
      testCase.stacktrace(xmlSafe(failureBody(junitCase)));
    }
  }
  return builder.build();
}

/** The suite's name: the sweep it ran. */
export function junitSuiteName(command: string, sweep: SweepIdentity): string {
  return `lockstep ${command} (${describeSweep(sweep)})`;
}
