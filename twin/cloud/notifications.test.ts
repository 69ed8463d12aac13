import { describe, expect, it } from 'vitest';
import type { NotificationRule, OpeningEvent } from './notifications.ts';
import { Notifier } from './notifications.ts';

const amsterdam = 'Europe/Amsterdam';

/** Monday 2026-01-05, 09:30 in Amsterdam (UTC+1). */
const mondayMorningUtcMs = Date.parse('2026-01-05T08:30:00Z');

/** "If Alice opens the front door on a weekday morning with her tag, email and text the facility manager." */
const aliceFrontDoorMornings: NotificationRule = {
  id: 'rule-1',
  name: 'Alice at the front door, weekday mornings',
  userIds: ['alice'],
  lockIds: ['front'],
  schedules: [{ weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '12:00' }],
  methods: ['tag'],
  channels: ['email', 'sms'],
  recipients: ['fm@example.test'],
};

const matching: OpeningEvent = {
  lockId: 'front',
  userId: 'alice',
  method: 'tag',
  atUtcMs: mondayMorningUtcMs,
};
const names = { user: 'Alice Jansen', door: 'Front door' };

function notifierWith(...rules: NotificationRule[]): Notifier {
  const notifier = new Notifier(amsterdam);
  for (const rule of rules) notifier.setRule(rule);
  return notifier;
}

describe('Notifier', () => {
  it('delivers a matching opening on each of the rule’s channels', () => {
    const notifier = notifierWith(aliceFrontDoorMornings);
    const sent = notifier.notify(matching, names);
    expect(sent.map((message) => [message.channel, message.recipient])).toEqual([
      ['email', 'fm@example.test'],
      ['sms', 'fm@example.test'],
    ]);
    expect(notifier.outbox()).toEqual(sent);
    expect(notifier.outbox('sms')).toHaveLength(1);
    expect(notifier.outbox('push')).toHaveLength(0);
  });

  it('says who opened which door, when in local time, and how', () => {
    const [message] = notifierWith(aliceFrontDoorMornings).notify(matching, names);
    expect(message).toEqual({
      ruleId: 'rule-1',
      channel: 'email',
      recipient: 'fm@example.test',
      subject: 'Front door opened by Alice Jansen',
      body: 'Alice Jansen opened Front door with a tag on 2026-01-05 at 09:30:00 (Europe/Amsterdam, UTC+01:00).',
      atUtcMs: mondayMorningUtcMs,
    });
  });

  it.each<[string, Partial<OpeningEvent>]>([
    ['someone else', { userId: 'bob' }],
    ['nobody identified', { userId: undefined }],
    ['another door', { lockId: 'back' }],
    ['another method', { method: 'digital_key' }],
    // 12:00 local is 11:00 UTC: the window's end, excluded. 07:30 UTC is 08:30 local: inside, though 07:30 is not.
    ['outside the time frame (local end)', { atUtcMs: Date.parse('2026-01-05T11:00:00Z') }],
    ['outside the time frame (Saturday)', { atUtcMs: Date.parse('2026-01-10T08:30:00Z') }],
  ])('delivers nothing for %s', (_case, change) => {
    const notifier = notifierWith(aliceFrontDoorMornings);
    expect(notifier.notify({ ...matching, ...change }, names)).toEqual([]);
    expect(notifier.outbox()).toEqual([]);
  });

  it('reads the time frame in the site’s local time', () => {
    const notifier = notifierWith(aliceFrontDoorMornings);
    // 07:30 UTC is 08:30 in Amsterdam: inside the 08:00–12:00 frame.
    expect(notifier.notify({ ...matching, atUtcMs: Date.parse('2026-01-05T07:30:00Z') }, names)).toHaveLength(
      2,
    );
    // 07:30 UTC in July is 09:30 in Amsterdam (UTC+2); 10:30 UTC is 12:30, outside.
    expect(notifier.notify({ ...matching, atUtcMs: Date.parse('2026-07-06T10:30:00Z') }, names)).toHaveLength(
      0,
    );
  });

  it('matches wildcards: anyone, any door, always, any method', () => {
    const everything: NotificationRule = {
      id: 'all',
      name: 'every opening',
      userIds: 'anyone',
      lockIds: 'any',
      schedules: 'always',
      methods: 'any',
      channels: ['push'],
      recipients: ['owner', 'admin'],
    };
    const notifier = notifierWith(everything);
    const sent = notifier.notify(
      { lockId: 'back', userId: undefined, method: 'inside_handle', atUtcMs: 0 },
      { door: 'Back door' },
    );
    expect(sent.map((message) => message.recipient)).toEqual(['owner', 'admin']);
    expect(sent[0]?.body).toBe(
      'Someone opened Back door with the inside handle on 1970-01-01 at 01:00:00 (Europe/Amsterdam, UTC+01:00).',
    );
  });

  it('never matches a rule with an empty time frame', () => {
    const notifier = notifierWith({ ...aliceFrontDoorMornings, schedules: [] });
    expect(notifier.notify(matching, names)).toEqual([]);
  });

  it('delivers for every matching rule, in the order the rules were set', () => {
    const pushToo: NotificationRule = {
      ...aliceFrontDoorMornings,
      id: 'rule-2',
      channels: ['push'],
      recipients: ['alice-phone'],
    };
    const notifier = notifierWith(pushToo, aliceFrontDoorMornings);
    expect(notifier.notify(matching, names).map((message) => `${message.ruleId}/${message.channel}`)).toEqual(
      ['rule-2/push', 'rule-1/email', 'rule-1/sms'],
    );
    notifier.setRule({ ...pushToo, methods: ['pin_code'] });
    expect(notifier.rules().map((rule) => rule.id)).toEqual(['rule-2', 'rule-1']);
    expect(notifier.notify(matching, names).map((message) => message.ruleId)).toEqual(['rule-1', 'rule-1']);
    expect(notifier.removeRule('rule-1')).toBe(true);
    expect(notifier.removeRule('rule-1')).toBe(false);
    expect(notifier.notify(matching, names)).toEqual([]);
  });

  it('rejects a rule with a malformed time frame when it is set', () => {
    const notifier = new Notifier(amsterdam);
    const broken = {
      ...aliceFrontDoorMornings,
      schedules: [{ weekdays: [1 as const], start: '18:00', end: '08:00' }],
    };
    expect(() => notifier.setRule(broken)).toThrow(
      'notification rule rule-1: schedules[0].end: must be after start (18:00)',
    );
    expect(() => new Notifier('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('keeps the outbox bounded, dropping and counting the oldest', () => {
    const notifier = new Notifier(amsterdam, 3);
    notifier.setRule({ ...aliceFrontDoorMornings, channels: ['email'] });
    for (let minute = 0; minute < 10; minute++)
      notifier.notify({ ...matching, atUtcMs: mondayMorningUtcMs + minute * 60_000 }, names);
    expect(notifier.dropped).toBe(7);
    expect(notifier.outbox().map((message) => (message.atUtcMs - mondayMorningUtcMs) / 60_000)).toEqual([
      7, 8, 9,
    ]);
  });
});

describe('Notifier retention', () => {
  it('lets messages about openings more than 90 days before the newest leave the outbox', () => {
    const dayMs = 86_400_000;
    const notifier = new Notifier(amsterdam);
    notifier.setRule({ ...aliceFrontDoorMornings, schedules: 'always', channels: ['email'] });
    for (let day = 0; day < 100; day++)
      notifier.notify({ ...matching, atUtcMs: mondayMorningUtcMs + day * dayMs }, names);
    const outbox = notifier.outbox();
    expect(outbox).toHaveLength(91);
    expect(outbox[0]?.atUtcMs).toBe(mondayMorningUtcMs + 9 * dayMs);
    expect(notifier.dropped).toBe(9);
  });
});

describe('Notifier refuses rules that could never deliver', () => {
  it('answers 4101 for a rule without a channel or without a recipient', async () => {
    const { Notifier } = await import('./notifications.ts');
    const { CloudError } = await import('./error-table.ts');
    const notifier = new Notifier('Europe/Amsterdam');
    const base = {
      id: 'r',
      name: 'r',
      userIds: 'anyone',
      lockIds: 'any',
      schedules: 'always',
      methods: 'any',
    } as const;
    for (const rule of [
      { ...base, channels: [], recipients: ['a@example.com'] },
      { ...base, channels: ['email' as const], recipients: [] },
    ]) {
      let caught: unknown;
      try {
        notifier.setRule(rule);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CloudError);
      expect((caught as InstanceType<typeof CloudError>).code).toBe(4101);
      expect((caught as InstanceType<typeof CloudError>).httpStatus).toBe(400);
    }
  });
});

describe('Notifier: refused attempts and incidents', () => {
  const anyone: NotificationRule = {
    id: 'rule-any',
    name: 'Every attempt',
    userIds: 'anyone',
    lockIds: 'any',
    schedules: 'always',
    methods: 'any',
    channels: ['email'],
    recipients: ['fm@example.test'],
  };
  const refusedAttempt: OpeningEvent = { ...matching, refused: { reason: 'outside schedule' } };

  it('fires a rule on a refused attempt too (both kinds by default), naming the lock’s reason', () => {
    const [message] = notifierWith(anyone).notify(refusedAttempt, names);
    expect(message?.subject).toBe('Front door refused Alice Jansen');
    expect(message?.body).toBe(
      'Alice Jansen tried to open Front door with a tag on 2026-01-05 at 09:30:00 (Europe/Amsterdam, UTC+01:00) and was refused (outside schedule).',
    );
  });

  it('takes only the kinds of attempt a rule names in `events`', () => {
    const entries = notifierWith({ ...anyone, id: 'entries', events: ['entry'] });
    expect(entries.notify(refusedAttempt, names)).toHaveLength(0);
    expect(entries.notify(matching, names)).toHaveLength(1);
    const rejections = notifierWith({ ...anyone, id: 'rejections', events: ['rejection'] });
    expect(rejections.notify(matching, names)).toHaveLength(0);
    expect(rejections.notify(refusedAttempt, names)).toHaveLength(1);
  });

  it('refuses a rule that takes no kind of attempt (4101) or an unknown one', () => {
    expect(() => notifierWith({ ...anyone, events: [] })).toThrow(
      expect.objectContaining({ code: 4101 }) as Error,
    );
    expect(() => notifierWith({ ...anyone, events: ['opened' as never] })).toThrow(/not entry or rejection/);
  });

  it('sends an incident to every owner by email (those with an address) and push, at the incident’s time', () => {
    const notifier = notifierWith();
    const sent = notifier.notifyIncident(
      { lockId: 'front', kind: 'not_closed', detail: 'door open 38 s', atUtcMs: mondayMorningUtcMs },
      'Front door',
      [{ id: 'olga', email: 'olga@example.test' }, { id: 'otto' }],
    );
    expect(sent.map((message) => [message.channel, message.recipient])).toEqual([
      ['email', 'olga@example.test'],
      ['push', 'olga@example.test'],
      ['push', 'otto'],
    ]);
    expect(sent[0]).toMatchObject({
      ruleId: 'incident:not_closed',
      subject: 'NOT CLOSED at Front door',
      atUtcMs: mondayMorningUtcMs,
      incident: { lockId: 'front', kind: 'not_closed' },
    });
    expect(notifier.outbox()).toEqual(sent);
  });
});
