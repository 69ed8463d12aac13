/**
 * The devices an input names, checked against the site before it runs: an input naming a device the site does
 * not have is bad input (with the field's path), not a run that breaks halfway.
 */
import type { SpecError } from '../site/spec-error.ts';
import type { SiteSpec } from '../site/spec.ts';
import type { TwinInput } from './input-schema.ts';

/** Every device an input names must exist in the site. */
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
  return errors;
}
