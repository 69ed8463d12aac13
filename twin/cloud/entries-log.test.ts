import { describe, expect, it } from 'vitest';
import { AuditBuffer } from '../devices/audit-buffer.ts';
import { EntriesLog, entriesRetentionMs } from './entries-log.ts';

describe('EntriesLog with AuditBuffer', () => {
  it('stores a batch sent twice (a lost acknowledgement) only once', () => {
    const buffer = new AuditBuffer(100);
    for (let index = 0; index < 5; index++)
      buffer.record({ atMs: index * 1_000, category: 'lock_opened', detail: 'opened by tag' });
    const log = new EntriesLog({
      epochUtcMs: Date.parse('2026-03-02T07:00:00Z'),
      timeZone: 'Europe/Amsterdam',
    });
    const upload = buffer.nextUpload(50);
    log.receive('lock-1', upload, 10_000);
    const ack = log.receive('lock-1', upload, 11_000);
    expect(log.entries()).toHaveLength(5);
    expect(log.entries()[1]).toMatchObject({
      utcDateTime: '2026-03-02T07:00:01.000Z',
      localDateTime: '2026-03-02T08:00:01.000',
    });
    expect(log.duplicates).toBe(5);
    buffer.acknowledge(ack.seq, ack.overflowLastSeq);
    expect(buffer.hasUnacknowledged()).toBe(false);
  });

  it('keeps unacknowledged events and the overflow report until the cloud confirms them', () => {
    const buffer = new AuditBuffer(3);
    for (let index = 0; index < 5; index++)
      buffer.record({ atMs: index, category: 'lock_opened', detail: '' });
    expect(buffer.size).toBe(3);
    expect(buffer.pendingOverflow).toEqual({ lostEvents: 2, firstLostSeq: 1, lastLostSeq: 2 });
    const log = new EntriesLog({
      epochUtcMs: Date.parse('2026-03-02T07:00:00Z'),
      timeZone: 'Europe/Amsterdam',
    });
    const ack = log.receive('lock-1', buffer.nextUpload(2), 100);
    buffer.acknowledge(ack.seq, ack.overflowLastSeq);
    expect(buffer.size).toBe(1);
    expect(buffer.pendingOverflow).toBeUndefined();
    expect(log.entries().map((entry) => entry.category)).toEqual([
      'audit_overflow',
      'lock_opened',
      'lock_opened',
    ]);
  });

  it('keeps entries 90 days after receiving them, and at most entriesMax, counting every one that left', () => {
    const dayMs = 86_400_000;
    const buffer = new AuditBuffer(100);
    const log = new EntriesLog({ epochUtcMs: 0, timeZone: 'UTC', entriesMax: 1_000 });
    for (let day = 0; day < 100; day++) {
      buffer.record({ atMs: day * dayMs, category: 'lock_opened', detail: '' });
      const ack = log.receive('lock-1', buffer.nextUpload(50), day * dayMs);
      buffer.acknowledge(ack.seq, ack.overflowLastSeq);
    }
    expect(log.entries()).toHaveLength(entriesRetentionMs / dayMs + 1);
    expect(log.entries()[0]?.receivedMs).toBe(9 * dayMs);
    expect(log.expired).toBe(9);
    expect(log.dropped).toBe(9);
    const small = new EntriesLog({ epochUtcMs: 0, timeZone: 'UTC', entriesMax: 3 });
    for (let index = 0; index < 5; index++)
      buffer.record({ atMs: index, category: 'lock_opened', detail: '' });
    small.receive('lock-2', buffer.nextUpload(50), 1_000);
    expect(small.entries().map((entry) => entry.auditSeq)).toEqual([103, 104, 105]);
    expect(small.dropped).toBe(2);
    expect(small.expired).toBe(0);
  });
});
