/**
 * A wireless lock (BLUEnet escutcheon or cylinder, older escutcheon, PIN lock, or a wall reader with its
 * controller). It decides on its own copy of the access data and its own clock (firmware-decision.ts), relocks
 * after its open time, enters and leaves office modes (MOM by a tag held > 5 s on BLUEnet, by a tag with the
 * inside handle held on the older escutcheon, or from the cloud; EOM by a permitted tag inside the lock's EOM
 * schedule, locking itself when the schedule ends, IQ or no IQ), turns its motor to free and block the outside
 * handle (lock-motor.ts), watches its door (NOT CLOSED, intrusion),
 * measures its battery, and keeps a bounded audit buffer that it uploads through its IQ.
 */
import { assign, setup } from 'xstate';
import type { AccessMethod } from '../access/audit-event.ts';
import { currentWindowEndUtcMs, isWithinSchedules } from '../access/schedule.ts';
import type { BoltEventKind } from '../events.ts';
import type { LockKind } from '../site/spec.ts';
import { isWallReader } from '../site/lock-kinds.ts';
import { recordAudit } from './lock-audit.ts';
import { endPrivacy, hasPrivacyKnob, remoteRefusalOf, turnKnob } from './privacy.ts';
import { senseTamper } from './tamper.ts';
import { exitButtonWired, recordExitButton, relayStuck } from './gate-controller.ts';
import { iqTimeTaken } from './clock-correction.ts';
import { batteryReplaced } from './maintenance.ts';
import { factoryFirmwareVersion, firmwareAbandoned, firmwareBlockLanded } from './firmware-update.ts';
import { boltOpen, boltShut, motorRegion, motorRunMs, openedWithoutOpening } from './lock-motor.ts';
import { decisionFor, lockUtcMs, type LockContext, type LockEvent, type LockInput } from './lock-context.ts';

export type { LockContext, LockEnvironment, LockEvent, LockInput } from './lock-context.ts';

/** A delay that never comes within any run (a year): how a defect switches a timer off. */
const neverMs = 365 * 86_400_000;

/** New access data whose EOM windows differ from the lock's: a lock in EOM plans its end again from them. */
function eomSchedulesChange(
  context: LockContext,
  event: LockEvent,
): event is Extract<LockEvent, { type: 'ACCESS_DATA' }> {
  return (
    event.type === 'ACCESS_DATA' &&
    !context.env.defects.has('eom-ignores-new-schedules') &&
    event.data.version > context.data.version &&
    JSON.stringify(event.data.eomSchedules) !== JSON.stringify(context.data.eomSchedules)
  );
}

const isBluenet = (kind: LockKind): boolean => kind === 'bluenet-escutcheon' || kind === 'bluenet-cylinder';

const lockSetup = setup({
  types: {
    context: {} as LockContext,
    events: {} as LockEvent,
    input: {} as LockInput,
  },
  delays: {
    openTime: ({ context }) =>
      context.env.defects.has('relock-never') || relayStuck(context) ? neverMs : context.data.openTimeMs,
    notClosedAfter: ({ context }) => context.notClosedAfterMs,
    eomEnd: ({ context }) => context.eomEndsInMs,
    motorRun: ({ context }) => motorRunMs(context),
  },
  guards: {
    granted: ({ context, event }) => decisionFor(context, event)?.granted === true,
    easyToggle: ({ context, event }) => {
      const decision = decisionFor(context, event);
      return event.type === 'CREDENTIAL' && decision?.granted === true && decision.mayToggleEasyOfficeMode;
    },
    handleToggle: ({ context, event }) => {
      const decision = decisionFor(context, event);
      return (
        event.type === 'CREDENTIAL' &&
        event.handleHeld &&
        context.kind === 'escutcheon' &&
        decision?.granted === true &&
        decision.mayToggleManualOfficeMode
      );
    },
    heldToggle: ({ context, event }) => {
      const decision = decisionFor(context, event);
      const permitted =
        decision?.granted === true &&
        (decision.mayToggleManualOfficeMode || context.env.defects.has('mom-without-permission'));
      return event.type === 'TAG_HELD' && isBluenet(context.kind) && permitted;
    },
    eomWindowGone: ({ context, event }) =>
      eomSchedulesChange(context, event) &&
      !isWithinSchedules(event.data.eomSchedules, lockUtcMs(context), event.data.timeZone),
    eomWindowMoved: ({ context, event }) => eomSchedulesChange(context, event),
    remoteOfficeOnOverEom: ({ context, event }) =>
      event.type === 'REMOTE_OFFICE_MODE' && event.on && !context.env.defects.has('mom-ignored-in-eom'),
    remoteOfficeOn: ({ event }) => event.type === 'REMOTE_OFFICE_MODE' && event.on,
    remoteOfficeOff: ({ event }) => event.type === 'REMOTE_OFFICE_MODE' && !event.on,
    openedByInsideHandle: ({ event }) => event.type === 'DOOR_OPENED' && event.byInsideHandle,
    exitButtonWired: ({ context }) => exitButtonWired(context),
    // Privacy mode (privacy.ts): the knob throws the deadbolt; remote commands need the override while it is on.
    privacyKnobOn: ({ context, event }) =>
      event.type === 'PRIVACY_KNOB' && event.on && hasPrivacyKnob(context.kind),
    remoteRefusedByPrivacy: ({ context, event }) =>
      (event.type === 'REMOTE_OPEN' || (event.type === 'REMOTE_OFFICE_MODE' && event.on)) &&
      remoteRefusalOf(context, event.userId) !== undefined,
    boltOpen,
    boltShut,
    openedWithoutOpening,
  },
  actions: {
    turnPrivacyKnob: assign(({ context, event }) =>
      event.type === 'PRIVACY_KNOB' ? turnKnob(context, event.on) : {},
    ),
    /** An opening granted while in privacy mode is an override's: it retracts the deadbolt. */
    endPrivacyByOverride: assign(({ context, event }) => {
      if (event.type === 'REMOTE_OPEN' || event.type === 'REMOTE_OFFICE_MODE')
        return endPrivacy(context, 'opened with override', { userId: event.userId, method: 'remote' });
      if (event.type !== 'CREDENTIAL') return {};
      const userId = decisionFor(context, event)?.userId;
      return endPrivacy(context, 'opened with override', { userId, method: event.method });
    }),
    endPrivacyFromInside: assign(({ context }) =>
      endPrivacy(context, 'opened from inside', { userId: undefined, method: 'inside_handle' }),
    ),
    refuseRemote: ({ context, event }) => {
      if (event.type !== 'REMOTE_OPEN' && event.type !== 'REMOTE_OFFICE_MODE') return;
      recordAudit(context, {
        category: 'lock_rejected',
        detail: remoteRefusalOf(context, event.userId) ?? 'refused',
        userId: event.userId,
        method: 'remote',
      });
    },
    senseTamper: assign(({ context, event }) =>
      event.type === 'TAMPER' ? senseTamper(context, event.on) : {},
    ),
    recordOpening: ({ context, event }) => {
      if (event.type === 'REMOTE_OPEN') {
        recordAudit(context, {
          category: 'lock_opened',
          detail: 'opened remotely',
          userId: event.userId,
          method: 'remote',
        });
        return;
      }
      if (event.type !== 'CREDENTIAL') return;
      const decision = decisionFor(context, event);
      recordAudit(context, {
        category: 'lock_opened',
        detail: `opened by ${event.method}`,
        credentialId: event.credentialId,
        method: event.method,
        ...(decision?.userId === undefined ? {} : { userId: decision.userId }),
      });
    },
    recordRefusal: ({ context, event }) => {
      if (event.type !== 'CREDENTIAL') return;
      const decision = decisionFor(context, event);
      const reason = decision !== undefined && !decision.granted ? decision.reason : 'refused';
      recordAudit(context, {
        category: 'lock_rejected',
        detail: reason,
        credentialId: event.credentialId,
        method: event.method,
        ...(decision?.userId === undefined ? {} : { userId: decision.userId }),
      });
    },
    recordOfficeMode: ({ context, event }, params: { mode: 'manual' | 'easy'; on: boolean; why: string }) => {
      const userId = 'userId' in event ? event.userId : decisionFor(context, event)?.userId;
      const method: AccessMethod | undefined =
        event.type === 'REMOTE_OFFICE_MODE'
          ? 'remote'
          : event.type === 'CREDENTIAL' || event.type === 'TAG_HELD'
            ? 'tag'
            : undefined;
      recordAudit(context, {
        category: params.mode === 'easy' ? 'easy_office_mode' : 'manual_office_mode',
        detail: `${params.on ? 'office mode on' : 'office mode off, locked'} (${params.why})`,
        ...(userId === undefined ? {} : { userId }),
        ...(method === undefined ? {} : { method }),
      });
    },
    planEomEnd: assign(({ context }) => {
      const nowUtcMs = lockUtcMs(context);
      const endUtcMs = currentWindowEndUtcMs(context.data.eomSchedules, nowUtcMs, context.data.timeZone);
      if (context.env.defects.has('eom-never-autolocks')) return { eomEndsInMs: neverMs };
      return { eomEndsInMs: Math.max(0, (endUtcMs ?? nowUtcMs) - nowUtcMs) };
    }),
    traceBolt: ({ context }, params: { kind: BoltEventKind }) => {
      context.env.trace.record({ kind: params.kind, device: context.id });
    },
    recordInsideHandle: ({ context }) =>
      recordAudit(context, {
        category: 'lock_opened',
        detail: 'opened from inside',
        method: 'inside_handle',
      }),
    recordExitButton: ({ context }) => recordExitButton(context),
    recordIntrusion: ({ context }) =>
      recordAudit(context, { category: 'intrusion', detail: 'door opened without an opening' }),
    raiseNotClosed: ({ context }) =>
      recordAudit(context, {
        category: 'not_closed',
        detail: `door open ${context.notClosedAfterMs / 1000} s`,
      }),
    clearNotClosed: ({ context }) =>
      recordAudit(context, { category: 'not_closed_cleared', detail: 'door closed' }),
    traceMotor: ({ context }, params: { handle: 'free' | 'blocked' }) => {
      context.env.trace.record({ kind: 'lock.motor', device: context.id, handle: params.handle });
    },
    traceDoor: ({ context }, params: { open: boolean }) => {
      const kind = params.open ? 'lock.door-open-seen' : 'lock.door-closed-seen';
      context.env.trace.record({ kind, device: context.id });
    },
    setBattery: assign(({ context, event }) => {
      // A wall reader is mains powered (checked at the input too): it has no battery to report.
      if (event.type !== 'SET_BATTERY' || event.level === context.battery || isWallReader(context.kind))
        return {};
      recordAudit(context, {
        category: event.level === 'fresh' ? 'battery_fresh' : 'battery_low',
        detail: `battery ${event.level}`,
      });
      return { battery: event.level };
    }),
    setClockOffset: assign(({ context, event }) => {
      if (event.type !== 'SET_CLOCK_OFFSET') return {};
      context.env.trace.record({ kind: 'lock.clock', device: context.id, offsetMs: event.offsetMs });
      return { clockOffsetMs: event.offsetMs };
    }),
    replaceBattery: assign(({ context }) => batteryReplaced(context)),
    firmwareBlock: assign(({ context, event }) =>
      event.type === 'FIRMWARE_BLOCK' ? firmwareBlockLanded(context, event) : {},
    ),
    firmwareAbandon: assign(({ context, event }) =>
      event.type === 'FIRMWARE_ABANDON' ? firmwareAbandoned(context, event.version) : {},
    ),
    correctClock: assign(({ context }) => iqTimeTaken(context)),
    installData: assign(({ context, event }) => {
      if (event.type !== 'ACCESS_DATA' || event.data.version <= context.data.version) return {};
      context.env.trace.record({ kind: 'lock.access-data', device: context.id, version: event.data.version });
      return { data: event.data };
    }),
    acknowledgeAudit: ({ context, event }) => {
      if (event.type === 'AUDIT_ACK') context.audit.acknowledge(event.seq, event.overflowLastSeq);
    },
    resendAudit: ({ context }) => {
      if (context.audit.hasUnacknowledged()) context.env.uploadAudit(context.id);
    },
  },
});

/** Entering office mode by a tag (EOM inside its schedule, or MOM with the handle held): from locked or unlocked. */
const officeModeByTag = [
  {
    guard: 'easyToggle',
    target: 'officeMode.easy',
    actions: [
      { type: 'recordOfficeMode', params: { mode: 'easy', on: true, why: 'tag inside the EOM schedule' } },
      'planEomEnd',
    ],
  },
  {
    guard: 'handleToggle',
    target: 'officeMode.manual',
    actions: {
      type: 'recordOfficeMode',
      params: { mode: 'manual', on: true, why: 'tag with the inside handle held' },
    },
  },
] as const;

const manualOfficeModeByHeldTag = {
  guard: 'heldToggle',
  target: 'officeMode.manual',
  actions: { type: 'recordOfficeMode', params: { mode: 'manual', on: true, why: 'tag held over 5 s' } },
} as const;

const manualOfficeModeFromCloud = {
  guard: 'remoteOfficeOn',
  target: 'officeMode.manual',
  actions: { type: 'recordOfficeMode', params: { mode: 'manual', on: true, why: 'from the cloud' } },
} as const;

export const lockMachine = lockSetup.createMachine({
  id: 'lock',
  type: 'parallel',
  context: ({ input }) => ({
    ...input,
    clockOffsetMs: 0,
    eomEndsInMs: 0,
    privacy: false,
    tampered: false,
    firmware: factoryFirmwareVersion,
    firmwareUpdate: undefined,
  }),
  on: {
    SET_BATTERY: { actions: 'setBattery' },
    SET_CLOCK_OFFSET: { actions: 'setClockOffset' },
    ACCESS_DATA: { actions: 'installData' },
    AUDIT_ACK: { actions: 'acknowledgeAudit' },
    HEARTBEAT: { actions: 'resendAudit' },
    IQ_TIME: { actions: 'correctClock' },
    REPLACE_BATTERY: { actions: 'replaceBattery' },
    // A firmware update runs beside the bolt: the old firmware decides until the last block lands.
    FIRMWARE_BLOCK: { actions: 'firmwareBlock' },
    FIRMWARE_ABANDON: { actions: 'firmwareAbandon' },
    TAMPER: { actions: 'senseTamper' },
  },
  states: {
    bolt: {
      initial: 'locked',
      states: {
        locked: {
          on: {
            CREDENTIAL: [
              ...officeModeByTag,
              { guard: 'granted', target: 'unlocked', actions: ['recordOpening', 'endPrivacyByOverride'] },
              { actions: 'recordRefusal' },
            ],
            TAG_HELD: manualOfficeModeByHeldTag,
            REMOTE_OPEN: [
              { guard: 'remoteRefusedByPrivacy', actions: 'refuseRemote' },
              { target: 'unlocked', actions: ['recordOpening', 'endPrivacyByOverride'] },
            ],
            REMOTE_OFFICE_MODE: [
              { guard: 'remoteRefusedByPrivacy', actions: 'refuseRemote' },
              {
                ...manualOfficeModeFromCloud,
                actions: ['endPrivacyByOverride', manualOfficeModeFromCloud.actions],
              },
            ],
            PRIVACY_KNOB: { actions: 'turnPrivacyKnob' },
            EXIT_BUTTON: { guard: 'exitButtonWired', target: 'unlocked', actions: 'recordExitButton' },
          },
        },
        unlocked: {
          entry: { type: 'traceBolt', params: { kind: 'lock.unlocked' } },
          after: {
            openTime: { target: 'locked', actions: { type: 'traceBolt', params: { kind: 'lock.locked' } } },
          },
          on: {
            CREDENTIAL: [
              ...officeModeByTag,
              { guard: 'granted', target: 'unlocked', reenter: true, actions: 'recordOpening' },
              { actions: 'recordRefusal' },
            ],
            TAG_HELD: manualOfficeModeByHeldTag,
            REMOTE_OPEN: { target: 'unlocked', reenter: true, actions: 'recordOpening' },
            REMOTE_OFFICE_MODE: manualOfficeModeFromCloud,
            // The button pressed again while the relay is energised starts its open time over.
            EXIT_BUTTON: {
              guard: 'exitButtonWired',
              target: 'unlocked',
              reenter: true,
              actions: 'recordExitButton',
            },
            // The knob's deadbolt locks the door at once, ending the opening.
            PRIVACY_KNOB: {
              guard: 'privacyKnobOn',
              target: 'locked',
              actions: [{ type: 'traceBolt', params: { kind: 'lock.locked' } }, 'turnPrivacyKnob'],
            },
          },
        },
        officeMode: {
          initial: 'manual',
          entry: { type: 'traceBolt', params: { kind: 'lock.office-mode' } },
          exit: { type: 'traceBolt', params: { kind: 'lock.locked' } },
          on: {
            REMOTE_OFFICE_MODE: {
              guard: 'remoteOfficeOff',
              target: 'locked',
              actions: {
                type: 'recordOfficeMode',
                params: { mode: 'manual', on: false, why: 'from the cloud' },
              },
            },
            // Already open to everyone: the remote opening is recorded, the bolt stays as it is.
            REMOTE_OPEN: { actions: 'recordOpening' },
          },
          states: {
            manual: {
              on: {
                PRIVACY_KNOB: {
                  guard: 'privacyKnobOn',
                  target: '#lock.bolt.locked',
                  actions: [
                    {
                      type: 'recordOfficeMode',
                      params: { mode: 'manual', on: false, why: 'privacy knob turned' },
                    },
                    'turnPrivacyKnob',
                  ],
                },
                CREDENTIAL: [
                  {
                    guard: 'handleToggle',
                    target: '#lock.bolt.locked',
                    actions: {
                      type: 'recordOfficeMode',
                      params: { mode: 'manual', on: false, why: 'tag with the inside handle held' },
                    },
                  },
                  { guard: 'granted', actions: 'recordOpening' },
                  { actions: 'recordRefusal' },
                ],
                TAG_HELD: {
                  guard: 'heldToggle',
                  target: '#lock.bolt.locked',
                  actions: {
                    type: 'recordOfficeMode',
                    params: { mode: 'manual', on: false, why: 'tag held over 5 s' },
                  },
                },
              },
            },
            easy: {
              after: {
                eomEnd: {
                  target: '#lock.bolt.locked',
                  actions: {
                    type: 'recordOfficeMode',
                    params: { mode: 'easy', on: false, why: 'EOM schedule ended' },
                  },
                },
              },
              on: {
                PRIVACY_KNOB: {
                  guard: 'privacyKnobOn',
                  target: '#lock.bolt.locked',
                  actions: [
                    {
                      type: 'recordOfficeMode',
                      params: { mode: 'easy', on: false, why: 'privacy knob turned' },
                    },
                    'turnPrivacyKnob',
                  ],
                },
                // The EOM windows changed while the lock is in EOM: outside the new ones it locks at once (a
                // removed schedule never strands the door open); inside, it ends when the new window does.
                ACCESS_DATA: [
                  {
                    guard: 'eomWindowGone',
                    target: '#lock.bolt.locked',
                    actions: [
                      'installData',
                      {
                        type: 'recordOfficeMode',
                        params: { mode: 'easy', on: false, why: 'EOM schedule changed' },
                      },
                    ],
                  },
                  {
                    guard: 'eomWindowMoved',
                    target: 'easy',
                    reenter: true,
                    actions: ['installData', 'planEomEnd'],
                  },
                ],
                // Manual Office Mode from the cloud takes over: the door stays open until MOM is switched off,
                // whatever the EOM schedule says.
                REMOTE_OFFICE_MODE: {
                  guard: 'remoteOfficeOnOverEom',
                  target: 'manual',
                  actions: {
                    type: 'recordOfficeMode',
                    params: { mode: 'manual', on: true, why: 'from the cloud, over Easy Office Mode' },
                  },
                },
                CREDENTIAL: [
                  {
                    guard: 'easyToggle',
                    target: '#lock.bolt.locked',
                    actions: {
                      type: 'recordOfficeMode',
                      params: { mode: 'easy', on: false, why: 'tag inside the EOM schedule' },
                    },
                  },
                  { guard: 'granted', actions: 'recordOpening' },
                  { actions: 'recordRefusal' },
                ],
              },
            },
          },
        },
      },
    },
    door: {
      initial: 'closed',
      states: {
        closed: {
          on: {
            DOOR_OPENED: [
              {
                guard: 'openedByInsideHandle',
                target: 'open',
                actions: [
                  { type: 'traceDoor', params: { open: true } },
                  'recordInsideHandle',
                  'endPrivacyFromInside',
                ],
              },
              {
                guard: 'openedWithoutOpening',
                target: 'open',
                actions: [{ type: 'traceDoor', params: { open: true } }, 'recordIntrusion'],
              },
              { target: 'open', actions: { type: 'traceDoor', params: { open: true } } },
            ],
          },
        },
        open: {
          after: { notClosedAfter: { target: 'notClosed' } },
          on: { DOOR_CLOSED: { target: 'closed', actions: { type: 'traceDoor', params: { open: false } } } },
        },
        notClosed: {
          entry: 'raiseNotClosed',
          on: {
            DOOR_CLOSED: {
              target: 'closed',
              actions: [{ type: 'traceDoor', params: { open: false } }, 'clearNotClosed'],
            },
          },
        },
      },
    },
    motor: motorRegion,
  },
});
