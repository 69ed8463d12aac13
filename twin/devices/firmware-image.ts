/** A firmware image as a lock receives it: the update in progress and the blocks it arrives in. */
/** An update the lock is receiving: the new version and how many of its blocks have landed. */
export interface FirmwareProgress {
  readonly target: string;
  readonly blocksReceived: number;
  readonly blocksTotal: number;
}

export interface FirmwareBlock {
  readonly version: string;
  /** 0-based; blocks land in order (the IQ sends the next only once this one is acknowledged). */
  readonly index: number;
  readonly total: number;
}
