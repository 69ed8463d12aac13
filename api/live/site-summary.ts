/**
 * The site as the page names it (a snapshot's `site`): its time zone and NOT CLOSED delay from the spec, and the
 * names of its doors, IQs, access groups and people with their credentials as the cloud holds them now (a tag
 * blocked since the start reads blocked). A person's PIN goes only to a connection that may export the session,
 * which gets the whole spec, PINs included, anyway; everyone else sees who has a PIN, not what it is.
 */
import { notClosedAfterMsDefault } from '../../twin/index.ts';
import type { LiveTwin } from '../live-twin.ts';
import { sitePeopleMax, type SiteSummary } from './protocol.ts';

type Person = SiteSummary['people'][number];

/** The delay the `not-closed-at-30s` defect puts in place of the setting (twin/site-assembly.ts keeps its own). */
const notClosedAtDefectMs = 30_000;

export function siteSummary(live: LiveTwin, options: { readonly withPins: boolean }): SiteSummary {
  const spec = live.spec;
  const state = live.twin.cloud.state;
  const tagsOf = new Map<string, { id: string; blocked: boolean }[]>();
  for (const tag of state.tags.values()) {
    if (tag.userId === undefined) continue;
    const list = tagsOf.get(tag.userId) ?? [];
    list.push({ id: tag.id, blocked: tag.blocked });
    tagsOf.set(tag.userId, list);
  }
  const phonesOf = new Map<string, string[]>();
  for (const phone of state.phones.values()) {
    const list = phonesOf.get(phone.userId) ?? [];
    list.push(phone.id);
    phonesOf.set(phone.userId, list);
  }
  const people: Person[] = [];
  for (const user of state.users.values()) {
    if (people.length >= sitePeopleMax) break;
    const person: Person = {
      id: user.id,
      name: user.name === '' ? user.id : user.name,
      role: user.role,
      tags: tagsOf.get(user.id) ?? [],
      phones: phonesOf.get(user.id) ?? [],
    };
    people.push(options.withPins && user.pin !== undefined ? { ...person, pin: user.pin } : person);
  }
  return {
    name: spec.name,
    timeZone: spec.timeZone,
    notClosedAfterMs: live.twin.defects.has('not-closed-at-30s')
      ? notClosedAtDefectMs
      : (spec.settings.notClosedAfterMs ?? notClosedAfterMsDefault),
    doors: spec.doors.map((door) => ({ id: door.id, name: door.name ?? door.id })),
    iqs: spec.iqs.map((iq) => ({ id: iq.id, name: iq.name ?? iq.id })),
    accessGroups: [...state.accessGroups.values()].map((group) => ({ id: group.id, name: group.name })),
    people,
    peopleTotal: state.users.size,
  };
}
