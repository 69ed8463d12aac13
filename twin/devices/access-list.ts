/**
 * A lock's local access data: the credentials it accepts and whose they are. Lists are immutable and shared by
 * every lock that holds the same data (a campus of 1,024 locks holds 64 lists, not 1,024), and each carries the
 * version it was built as, so the twin can tell how stale a lock's copy is.
 */
export interface Credential {
  readonly credentialId: string;
  readonly userId: string;
}

export class AccessList {
  private readonly owners: ReadonlyMap<string, string>;

  constructor(
    readonly version: number,
    credentials: readonly Credential[],
  ) {
    this.owners = new Map(credentials.map((credential) => [credential.credentialId, credential.userId]));
  }

  /** The user a credential belongs to, when this list accepts it. */
  ownerOf(credentialId: string): string | undefined {
    return this.owners.get(credentialId);
  }

  get size(): number {
    return this.owners.size;
  }
}

/** Credential ids: the tag's own id, `key:<phone>` for a phone's digital key, `pin:<digits>` for a PIN. */
export const credentialIds = {
  tag: (tagId: string): string => tagId,
  digitalKey: (phoneId: string): string => `key:${phoneId}`,
  pin: (digits: string): string => `pin:${digits}`,
};
