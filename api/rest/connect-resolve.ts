/**
 * Path and body ids of the Connect API back to the twin's records. Each kind answers its own "not found": a
 * user the API cannot find (either id, or the wrong one of the two) is 404/2202 "User not found", as on the
 * service; any other record is 404/3104.
 */
import { CloudError, type CloudState } from '../../twin/index.ts';
import type { Candidates, ConnectIds, IdKind } from './connect-ids.ts';
import { notFound } from './errors.ts';

interface IdsAndState {
  readonly ids: ConnectIds;
  readonly core: { readonly state: CloudState };
}

type RecordKind = 'lock' | 'iq' | 'access-group' | 'tag' | 'pod';

function recordsOf(state: CloudState, kind: RecordKind): Candidates {
  switch (kind) {
    case 'lock':
      return state.locks;
    case 'iq':
      return state.iqs;
    case 'access-group':
      return state.accessGroups;
    case 'tag':
      return state.tags;
    case 'pod':
      return state.pods;
  }
}

/** The twin's id of a lock, IQ, access group, tag or pod named by its public id (404/3104 when there is none). */
export function recordOf({ ids, core }: IdsAndState, kind: RecordKind, publicId: string): string {
  const id = ids.resolve(kind, publicId, recordsOf(core.state, kind));
  if (id === undefined) throw notFound(`${kind} ${publicId}`);
  return id;
}

/** 404/2202. */
export function userNotFound(detail: string): CloudError {
  return new CloudError(2202, detail);
}

/**
 * The twin's id of a user named by one of its two ids: `site-user` (`/users/{id}`, `/pin`, `/keys`) or `user`
 * (the platform id of group membership and entries). The other id answers 404/2202, as on the service.
 */
export function userOf(
  { ids, core }: IdsAndState,
  kind: Extract<IdKind, 'site-user' | 'user'>,
  publicId: string,
): string {
  const id = ids.resolve(kind, publicId, core.state.users);
  if (id === undefined)
    throw userNotFound(`no user with ${kind === 'user' ? 'platform' : 'site-user'} id ${publicId}`);
  return id;
}
