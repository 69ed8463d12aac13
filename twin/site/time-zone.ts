/**
 * Whether a site's time zone is an IANA zone the runtime knows. Schedules (office modes, access groups) are
 * evaluated in the site's zone, daylight saving included, so an unknown zone must be refused up front rather than
 * fail deep inside a run.
 */

/** Fixed offsets (`+01:00`) are not IANA zones: they have no daylight saving, so a site could silently drift. */
const fixedOffset = /^[+-]/;

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === '' || fixedOffset.test(timeZone)) return false;
  try {
    // A fixed locale, so the answer does not depend on the host's settings.
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
