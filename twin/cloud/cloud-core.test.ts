import { describe, expect, it } from 'vitest';
import { createFixture, fixtureStartUtcMs, officeHours } from './core-fixture.ts';
import { CloudError, type ErrorCode } from './error-table.ts';

function refusedWith(code: ErrorCode, operation: () => unknown): void {
  expect(operation).toThrow(CloudError);
  try {
    operation();
  } catch (error) {
    expect(error instanceof CloudError && error.code).toBe(code);
  }
}

// In the fixture: lock-a is everyone's (implicit-1) and the Office group's (user-2, office hours); lock-b is
// user-1's and super's (implicit-2) and the Office group's; lock-c is user-2's (implicit-3).

describe('roles', () => {
  it('lets each rank edit the ranks at or below it, and a plain user only themselves', () => {
    const { core } = createFixture();
    expect(core.setRole('admin', 'super', 'admin').role).toBe('admin');
    expect(core.setRole('super', 'super', 'super-user').role).toBe('super-user');
    expect(core.updateUser('user-1', 'user-1', { name: 'Uma Eén' }).name).toBe('Uma Eén');
    expect(core.setPin('user-1', 'user-1', '123456').pin).toBe('123456');
    refusedWith(2203, () => core.setPermissions('user-1', 'user-1', { remoteOpening: true }));
    refusedWith(2203, () => core.setRole('user-1', 'user-1', 'admin'));
    expect(core.addUser('admin', { id: 'user-3', name: 'Tess', role: 'super-user' }).role).toBe('super-user');
    refusedWith(2203, () => core.addUser('admin', { id: 'user-4', name: 'Olaf', role: 'owner' }));
    expect(core.setRole('owner', 'admin', 'user').role).toBe('user');
    refusedWith(2203, () => core.setRole('admin', 'owner', 'user'));
  });

  it('keeps the last owner, and lets a second owner step down', () => {
    const { core } = createFixture();
    refusedWith(2203, () => core.setRole('owner', 'owner', 'admin'));
    refusedWith(2203, () => core.deleteUser('owner', 'owner'));
    core.setRole('owner', 'admin', 'owner');
    expect(core.setRole('owner', 'owner', 'admin').role).toBe('admin');
  });

  it('grants permissions within the subscription, and always lets them be taken away', () => {
    const { core, state } = createFixture((spec) => {
      spec.subscription = { features: ['pin-codes'] };
      spec.users = spec.users?.map((user) =>
        user.id === 'user-1' ? { ...user, permissions: { manualOfficeMode: true } } : user,
      );
    });
    refusedWith(2212, () => core.setPermissions('admin', 'user-2', { remoteOpening: true }));
    expect(
      core.setPermissions('admin', 'user-1', { manualOfficeMode: false }).permissions.manualOfficeMode,
    ).toBe(false);
    expect(state.users.get('user-1')?.permissions.manualOfficeMode).toBe(false);
  });
});

describe('the site before release', () => {
  it('belongs to the installer until released, then to the owner', () => {
    const { core, state } = createFixture((spec) => {
      spec.released = false;
      spec.users = spec.users?.map((user) =>
        user.id === 'owner' ? { ...user, role: 'user' as const } : user,
      );
    });
    refusedWith(2210, () => core.getUser('admin', 'admin'));
    core.addUser('installer', { id: 'user-3', name: 'Tess', role: 'admin' });
    refusedWith(2203, () => core.addUser('installer', { id: 'user-4', name: 'Olaf', role: 'owner' }));
    refusedWith(2203, () => core.releaseSite('installer', 'installer'));
    core.releaseSite('installer', 'owner');
    expect(state.site.released).toBe(true);
    expect(state.users.get('owner')?.role).toBe('owner');
    refusedWith(2203, () => core.addUser('installer', { id: 'user-4', name: 'Olaf' }));
    expect(core.listUsers('installer')).toHaveLength(8);
    expect(core.getUser('owner', 'user-3').role).toBe('admin');
  });

  it('lets only an installer make an installer', () => {
    const { core } = createFixture((spec) => {
      spec.released = false;
    });
    expect(core.addUser('installer', { id: 'fitter', name: 'Fay Fitter', role: 'installer' }).role).toBe(
      'installer',
    );
    core.releaseSite('installer', 'owner');
    refusedWith(2203, () => core.addUser('owner', { id: 'fitter-2', name: 'Finn', role: 'installer' }));
    refusedWith(2203, () => core.setRole('owner', 'user-1', 'installer'));
  });
});

describe('tags', () => {
  it('blocks a tag on exactly the locks that know its user, once', () => {
    const { core, state, accessChanges } = createFixture();
    expect(core.blockTag('admin', 'tag-1').blocked).toBe(true);
    expect(core.blockTag('admin', 'tag-1').blocked).toBe(true);
    expect(accessChanges).toEqual([['lock-a', 'lock-b']]);
    core.unblockTag('user-1', 'tag-1');
    expect(state.tags.get('tag-1')?.blocked).toBe(false);
    expect(accessChanges).toHaveLength(2);
  });

  it('replaces a lost tag: the old one blocked, still the user’s; the new one theirs', () => {
    const { core, state, accessChanges } = createFixture();
    const { blocked, assigned } = core.replaceTag('admin', 'tag-2', 'tag-2b');
    expect(blocked).toEqual({ id: 'tag-2', userId: 'user-2', blocked: true });
    expect(assigned).toEqual({ id: 'tag-2b', userId: 'user-2', blocked: false });
    expect(state.tags.get('tag-2')).toBe(blocked);
    expect(accessChanges).toEqual([['lock-a', 'lock-b', 'lock-c']]);
    refusedWith(2203, () => core.assignTag('admin', 'tag-2', 'user-1'));
    refusedWith(2203, () => core.assignTag('admin', 'tag-2b', 'user-1'));
    refusedWith(1101, () => core.assignTag('admin', 'lock-a', 'user-1'));
  });

  it('hands a fresh tag to a pod member, but not a tag of another pod member', () => {
    const { core, accessChanges } = createFixture();
    expect(core.assignPodMemberTag('admin', 'pod-1', 'user-1', 'tag-new').userId).toBe('user-1');
    expect(accessChanges).toEqual([['lock-a', 'lock-b']]);
    refusedWith(2203, () => core.assignPodMemberTag('admin', 'pod-1', 'user-2', 'tag-new'));
  });
});

describe('phones and digital keys', () => {
  it('issues a key once the phone is registered and verified, within its window', () => {
    const { core, state, accessChanges, setNowUtcMs } = createFixture();
    refusedWith(2203, () => core.issueDigitalKey('admin', 'phone-2'));
    core.registerPhone('user-2', 'phone-2', 'user-2');
    refusedWith(2203, () => core.issueDigitalKey('admin', 'phone-2'));
    core.verifyPhone('user-2', 'phone-2');
    expect(accessChanges).toEqual([]);
    const dayMs = 86_400_000;
    const key = core.issueDigitalKey('admin', 'phone-2', fixtureStartUtcMs, fixtureStartUtcMs + dayMs);
    expect(key).toEqual({
      phoneId: 'phone-2',
      userId: 'user-2',
      validFromUtcMs: fixtureStartUtcMs,
      validUntilUtcMs: fixtureStartUtcMs + dayMs,
    });
    expect(state.digitalKeys.get('phone-2')).toBe(key);
    expect(accessChanges).toEqual([['lock-a', 'lock-b', 'lock-c']]);
    refusedWith(2205, () =>
      core.issueDigitalKey('admin', 'phone-2', fixtureStartUtcMs + dayMs, fixtureStartUtcMs),
    );
    setNowUtcMs(fixtureStartUtcMs + 2 * dayMs);
    refusedWith(1101, () => core.issueDigitalKey('admin', 'phone-2', undefined, fixtureStartUtcMs + dayMs));
    core.revokeDigitalKey('user-2', 'phone-2');
    expect(state.digitalKeys.has('phone-2')).toBe(false);
    expect(accessChanges).toHaveLength(2);
  });

  it('registers a new phone for its user only', () => {
    const { core } = createFixture();
    expect(core.registerPhone('user-1', 'phone-1b', 'user-1')).toEqual({
      id: 'phone-1b',
      userId: 'user-1',
      registered: true,
      verified: false,
    });
    refusedWith(2203, () => core.registerPhone('user-2', 'phone-1b', 'user-2'));
    refusedWith(2203, () => core.registerPhone('user-1', 'phone-x', 'user-2'));
  });
});

describe('access groups', () => {
  it('reports exactly the locks whose access data a group change touches', () => {
    const { core, accessChanges } = createFixture();
    // The same schedules again: nothing changes on any lock.
    core.setGroupSchedules('admin', 'group-office', [officeHours]);
    expect(accessChanges).toEqual([]);
    core.setGroupSchedules('super', 'group-office', [
      { weekdays: [1, 2, 3, 4, 5], start: '07:00', end: '19:00' },
    ]);
    expect(accessChanges).toEqual([['lock-a', 'lock-b']]);
    core.removeGroupLocks('admin', 'group-office', ['lock-b']);
    expect(accessChanges.at(-1)).toEqual(['lock-b']);
    core.addGroupLocks('admin', 'group-office', ['lock-c', 'lock-a']);
    expect(accessChanges.at(-1)).toEqual(['lock-c']);
    core.renameAccessGroup('admin', 'group-office', 'Office staff');
    expect(accessChanges).toHaveLength(3);
    core.deleteAccessGroup('admin', 'group-office');
    expect(accessChanges.at(-1)).toEqual(['lock-a', 'lock-c']);
  });

  it('creates a group that adds nothing until it has a schedule', () => {
    const { core, state, accessChanges } = createFixture();
    const group = core.createAccessGroup('super', {
      id: 'group-night',
      name: 'Night',
      userIds: ['user-2', 'user-2'],
    });
    expect(group).toEqual({
      id: 'group-night',
      name: 'Night',
      userIds: ['user-2'],
      lockIds: [],
      schedules: [],
    });
    // user-2 already has lock-b (Office hours): a group with no schedule adds nothing to what lock-b knows.
    core.addGroupLocks('super', 'group-night', ['lock-b']);
    expect(accessChanges).toEqual([]);
    core.setGroupSchedules('super', 'group-night', [{ weekdays: [6, 7], start: '20:00', end: '24:00' }]);
    expect(state.accessGroups.get('group-night')?.schedules).toHaveLength(1);
    expect(accessChanges).toEqual([['lock-b']]);
    refusedWith(2203, () => core.createAccessGroup('user-1', { id: 'group-x', name: 'X' }));
    refusedWith(3104, () => core.addGroupUsers('admin', 'group-night', ['user-9']));
  });

  it('lets a pod guest into a group on the pod’s locks only', () => {
    const { core } = createFixture();
    core.createAccessGroup('admin', {
      id: 'group-acme',
      name: 'Acme visitors',
      userIds: ['guest-1'],
      lockIds: ['lock-b'],
    });
    refusedWith(2222, () => core.addGroupLocks('admin', 'group-acme', ['lock-a']));
    core.setPodLocks('admin', 'pod-1', ['lock-b', 'lock-a']);
    expect(core.addGroupLocks('admin', 'group-acme', ['lock-a']).lockIds).toEqual(['lock-b', 'lock-a']);
  });
});

describe('locks', () => {
  it('sends open time and EOM schedules to the lock, keeps alerts in the cloud', () => {
    const { core, state, accessChanges } = createFixture();
    core.setOpenTime('admin', 'lock-c', 8_000);
    core.setEomSchedules('admin', 'lock-c', [officeHours]);
    core.setAlerts('admin', 'lock-c', { notClosed: false });
    expect(state.locks.get('lock-c')?.settings).toEqual({
      openTimeMs: 8_000,
      eomSchedules: [officeHours],
      alerts: { notClosed: false, intrusion: true, lowBattery: true },
    });
    expect(accessChanges).toEqual([['lock-c'], ['lock-c']]);
    refusedWith(2203, () => core.setOpenTime('super', 'lock-c', 9_000));
  });
});

describe('users', () => {
  it('deletes a user with their credentials and group places', () => {
    const { core, state, accessChanges } = createFixture();
    core.deleteUser('admin', 'super');
    expect(state.users.has('super')).toBe(false);
    expect(state.tags.get('tag-super')).toEqual({ id: 'tag-super', userId: undefined, blocked: false });
    expect(state.accessGroups.get('implicit-2')?.userIds).toEqual(['user-1']);
    expect(accessChanges).toEqual([['lock-a', 'lock-b']]);
  });

  it('adds a user with no access until a group gives them some', () => {
    const { core, accessChanges } = createFixture();
    core.addUser('admin', { id: 'user-3', name: 'Tess', email: 'tess@example.com', pin: '333333' });
    expect(accessChanges).toEqual([]);
    refusedWith(1101, () => core.addUser('admin', { id: 'user-4', name: 'Olaf', email: 'TESS@example.com' }));
    core.addGroupUsers('admin', 'group-office', ['user-3']);
    expect(accessChanges).toEqual([['lock-a', 'lock-b']]);
  });

  it('changes nothing on the locks for a name, a role or remote opening', () => {
    const { core, accessChanges } = createFixture();
    core.updateUser('admin', 'super', { name: 'Sara S.', email: 'sara@example.com' });
    core.setRole('admin', 'super', 'user');
    core.setPermissions('admin', 'super', { remoteOpening: true });
    expect(accessChanges).toEqual([]);
    core.setPermissions('admin', 'super', { easyOfficeMode: true });
    expect(accessChanges).toEqual([['lock-a', 'lock-b']]);
  });
});

describe('pods', () => {
  it('creates, grows and shrinks a pod within its rules', () => {
    const { core, state } = createFixture();
    const pod = core.createPod('admin', {
      id: 'pod-3',
      name: 'Gamma',
      memberIds: ['super', 'admin'],
      guestIds: ['guest-1'],
      lockIds: ['lock-a'],
      guestLimit: 2,
    });
    expect(pod.guestIds).toEqual(['guest-1']);
    refusedWith(2216, () => core.addPodGuests('admin', 'pod-3', ['admin']));
    core.setGuestLimit('admin', 'pod-3', 1);
    refusedWith(2215, () => core.removePodMembers('admin', 'pod-3', ['admin']));
    expect(core.removePodMembers('admin', 'pod-3', ['super']).memberIds).toEqual(['admin']);
    core.removePodGuests('admin', 'pod-3', ['guest-1']);
    core.renamePod('admin', 'pod-3', 'Gamma Ltd');
    refusedWith(2213, () => core.renamePod('admin', 'pod-3', ' BETA '));
    refusedWith(2203, () =>
      core.createPod('super', { id: 'pod-4', name: 'Delta', memberIds: ['admin'], guestLimit: 0 }),
    );
    core.deletePod('admin', 'pod-3');
    expect([...state.pods.keys()]).toEqual(['pod-1', 'pod-2']);
  });
});

describe('IQs', () => {
  it('adds, activates, replaces and deletes IQs, moving locks and repeaters along', () => {
    const { core, state, topologyChanges, accessChanges } = createFixture();
    core.addIq('admin', 'iq-3');
    expect(core.activateIq('admin', 'iq-3', 'ACT-iq-3').activated).toBe(true);
    core.replaceIq('admin', 'iq-1', 'iq-3');
    expect(state.iqs.has('iq-1')).toBe(false);
    expect(state.locks.get('lock-a')?.iqId).toBe('iq-3');
    expect(core.listRepeaters('admin')).toEqual([{ id: 'rep-1', iqId: 'iq-3' }]);
    expect(topologyChanges).toEqual([['lock-a', 'lock-b']]);
    core.assignLockToIq('admin', 'lock-c', 'iq-3');
    expect(topologyChanges.at(-1)).toEqual(['lock-c']);
    core.deleteIq('admin', 'iq-2');
    expect([...state.iqs.keys()]).toEqual(['iq-3']);
    expect(accessChanges).toEqual([]);
  });
});
