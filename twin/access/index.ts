/** Domain code shared by the cloud and the locks: schedules, rights vocabulary, lock access data, audit events. */
export * from './schedule.ts';
export * from './roles.ts';
export type { AccessMethod, AuditEvent, AuditOverflow, AuditUpload } from './audit-event.ts';
export type {
  CredentialGrant,
  CredentialKind,
  GrantTables,
  LockAccessData,
  UserGrant,
} from './lock-access-data.ts';
