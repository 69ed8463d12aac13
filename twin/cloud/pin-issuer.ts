/**
 * PINs as the service issues them: 6 digits, drawn by the cloud (`PUT …/users/{id}/pin` with `{}` or
 * `{expiry_date}`), never the same as another user's PIN in the site, since a keypad tells users apart only by
 * their digits. The draws come from the twin's seeded `cloud.pins` stream, so a run with the same inputs issues
 * the same PINs and a replay needs no digits recorded.
 */
import type { CloudState } from './model.ts';
import { CloudError } from './error-table.ts';

/** What a draw needs of a seeded stream. */
export interface PinDraws {
  int(minValue: number, maxValue: number): number;
}

/**
 * Draws a site may make for one PIN before it gives up: with the site's users capped far below a million, 64
 * misses in a row mean a broken stream, not bad luck, and an endless loop is never an option.
 */
export const pinDrawsMax = 64;

const pinsInSpace = 1_000_000;

/** A 6-digit PIN no user of the site but `userId` holds (their own old PIN may come again: rotation is a draw). */
export function drawPin(state: CloudState, userId: string, draws: PinDraws): string {
  const taken = new Set<string>();
  for (const user of state.users.values())
    if (user.id !== userId && user.pin !== undefined) taken.add(user.pin);
  for (let draw = 0; draw < pinDrawsMax; draw += 1) {
    const pin = draws
      .int(0, pinsInSpace - 1)
      .toString()
      .padStart(6, '0');
    if (!taken.has(pin)) return pin;
  }
  throw new CloudError(2201, `no free PIN in ${pinDrawsMax} draws (${taken.size} PINs taken)`);
}
