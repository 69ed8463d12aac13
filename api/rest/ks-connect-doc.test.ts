import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRouteTable, identityPrefixDefault } from './app.ts';

const guide = readFileSync(new URL('../../docs/ks-connect.md', import.meta.url), 'utf8');

/** `METHOD path` of every row of the guide's route list (between its markers). */
function documentedRoutes(markdown: string): string[] {
  const start = markdown.indexOf('<!-- routes -->');
  const end = markdown.indexOf('<!-- /routes -->');
  if (start < 0 || end < start) return [];
  return markdown
    .slice(start, end)
    .split('\n')
    .map((line) => /^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`([^`]+)`/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${match[1]} ${match[2]}`);
}

describe('docs/ks-connect.md', () => {
  it('lists exactly the routes the API serves, each once', () => {
    const served = createRouteTable(() => ({}) as never, identityPrefixDefault).map(
      (route) => `${route.method.toUpperCase()} ${route.path}`,
    );
    const documented = documentedRoutes(guide);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...served].sort());
  });

  it('notices a route missing from the list', () => {
    const withoutOne = guide.replace(/^\|\s*GET\s*\|\s*`\/v1\.2\/me`\s*\|.*$/m, '');
    expect(documentedRoutes(withoutOne)).not.toContain('GET /v1.2/me');
    expect(documentedRoutes(guide)).toContain('GET /v1.2/me');
  });
});
