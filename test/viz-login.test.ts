/**
 * The page's demo login on loopback: the one site's demo client, or on a server of several sites the client of
 * the site its address names, exactly as `lockstep serve` makes them (the client picks the site).
 */
import { describe, expect, it } from 'vitest';
import { demoClientOf } from '../viz/client/login.ts';
import { demoClient, demoClientOfSite } from '../bin/serve-command.ts';

describe('the page’s demo client', () => {
  it('is the one site’s without ?site, and the named site’s with it, as serve makes them', () => {
    expect(demoClientOf('')).toEqual(demoClient);
    expect(demoClientOf('?debug=1')).toEqual(demoClient);
    expect(demoClientOf('?site=annex')).toEqual(demoClientOfSite('annex'));
    expect(demoClientOf('?x=1&site=campus-2')).toEqual(demoClientOfSite('campus-2'));
  });

  it('ignores a site key serve would never make', () => {
    for (const search of ['?site=', '?site=Annex', '?site=a%2Fb', `?site=${'a'.repeat(33)}`, '?site=-a'])
      expect(demoClientOf(search), search).toEqual(demoClient);
  });
});
