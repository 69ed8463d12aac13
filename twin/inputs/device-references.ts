/**
 * The devices an input names, checked against the site before it runs: an input naming a device the site does
 * not have is bad input (with the field's path), not a run that breaks halfway.
 */
import { hasPrivacyKnob } from '../devices/privacy.ts';
import { isWallReader } from '../site/lock-kinds.ts';
import type { SpecError } from '../site/spec-error.ts';
import type { SiteSpec } from '../site/spec.ts';
import type { TwinInput } from './input-schema.ts';

/** Wall readers run on mains power (their controller's supply): battery levels do not apply to them. */
export function mainsPowered(spec: SiteSpec, lockId: string): boolean {
  return spec.locks.some((lock) => lock.id === lockId && isWallReader(lock.kind));
}

/** Every device an input names must exist in the site, and a battery input needs a lock with a battery. */
export function checkDeviceReferences(input: TwinInput, spec: SiteSpec): SpecError[] {
  const ids = {
    lock: new Set(spec.locks.map((lock) => lock.id)),
    door: new Set(spec.locks.map((lock) => lock.door)),
    tag: new Set(spec.tags.map((tag) => tag.id)),
    phone: new Set(spec.phones.map((phone) => phone.id)),
    iq: new Set(spec.iqs.map((iq) => iq.id)),
    device: new Set([...spec.iqs, ...spec.repeaters].map((device) => device.id)),
  };
  const errors: SpecError[] = [];
  const check = (field: keyof typeof ids, value: string | undefined, what: string): void => {
    if (value !== undefined && !ids[field].has(value))
      errors.push({ path: field, message: `no ${what} "${value}" in site ${spec.name}` });
  };
  const fields = input as Partial<Record<keyof typeof ids, string>>;
  check('lock', fields.lock, 'lock');
  check('door', fields.door, 'door with a lock');
  check('tag', fields.tag, 'tag');
  check('phone', fields.phone, 'phone');
  check('iq', fields.iq, 'IQ');
  check('device', fields.device, 'IQ or repeater');
  if ((input.type === 'battery' || input.type === 'replace-battery') && mainsPowered(spec, input.lock))
    errors.push({
      path: 'lock',
      message: `lock "${input.lock}" is a wall reader: mains powered, it has no battery`,
    });
  if (input.type === 'exit-button') {
    const lock = spec.locks.find((candidate) => candidate.id === input.lock);
    if (lock !== undefined && lock.controller?.exitButton !== true)
      errors.push({
        path: 'lock',
        message: `lock "${input.lock}" has no exit button: only a wall reader's controller can have one wired`,
      });
  }
  if (input.type === 'privacy-knob') {
    const kind = spec.locks.find((lock) => lock.id === input.lock)?.kind;
    if (kind !== undefined && !hasPrivacyKnob(kind))
      errors.push({
        path: 'lock',
        message: `lock "${input.lock}" is a ${kind}: only escutcheons have an inside privacy knob`,
      });
  }
  return errors;
}
