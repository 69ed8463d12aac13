/** Path prefixes of the API: sites and their resources under v1.2, the entries log under v1.1 (as the vendor's). */
export const sitePath = '/v1.2/sites/{site_id}';
export const entriesSitePath = '/v1.1/sites/{site_id}';
