/**
 * The API's error table (../shared/seeds, the service's help pages): every refused operation in the twin's cloud
 * carries one of these codes with its HTTP status. This is the one table in code; the REST API renders it as
 * `{"ErrorCode", "Message"}`.
 *
 * Where the seed writes `???` we chose, and say so here:
 * - 1101 (seed "404 ???"): 400, since it reports an invalid parameter value, not a missing resource;
 * - 3010 (seed "??? ClpFunctionException ???"): 500, an internal failure of a cloud function;
 * - 3102 (seed "408 / 404 / 400 / 403 / 500"): 408 when the lock does not answer in time (out of reach), the
 *   status the twin produces; the others belong to IQ errors the twin does not model;
 * - 3201 (seed "500 RequestFailedException ???"): 500.
 *
 * From the Connect contract (../shared/ks-connect-contract.md), which the seed's table lacks:
 * - 2202 "User not found", 404: a user id of the wrong kind (site-user id where the platform id belongs) or unknown;
 * - 3102 also answers 400 (`otp_invalid`) and 403 (`otp_blocked`) for one-time passwords: `statusOverrides` below.
 */
export const errorTable = {
  1100: { httpStatus: 400, message: 'The request received is invalid' },
  1101: { httpStatus: 400, message: "Value of '{parameterName}' is invalid." },
  1102: { httpStatus: 400, message: 'The OData filter format is invalid.' },
  1500: { httpStatus: 401, message: 'Unauthorized request' },
  1501: { httpStatus: 400, message: 'Activation code invalid' },
  2201: { httpStatus: 500, message: 'An internal error has occurred. Please contact the administrator' },
  2202: { httpStatus: 404, message: 'User not found' },
  2203: { httpStatus: 403, message: 'Operation cannot be executed.' },
  2204: { httpStatus: 400, message: 'Iq tree is invalid' },
  2205: { httpStatus: 400, message: 'Offline access is invalid' },
  2206: { httpStatus: 400, message: 'Replace iq is invalid' },
  2207: { httpStatus: 400, message: 'Ava update is invalid' },
  2208: { httpStatus: 400, message: 'IqActivationException' },
  2209: { httpStatus: 400, message: 'Delete iq prerequisites are not met' },
  2210: { httpStatus: 400, message: 'Site cannot be accessed if not released' },
  2211: { httpStatus: 200, message: 'Tenant Certificate Sync failed for Iq' },
  2212: {
    httpStatus: 403,
    message:
      'You cannot access this feature on this site at this moment because you don’t have a valid subscription.',
  },
  2213: { httpStatus: 400, message: 'Pod with this name already exists in site' },
  2214: {
    httpStatus: 400,
    message: 'Locks can not be added to the pod because they are not part of the site',
  },
  2215: { httpStatus: 400, message: 'At least one Pod Member must have an email.' },
  2216: { httpStatus: 400, message: 'Can not add the same user to the Pod twice.' },
  2217: {
    httpStatus: 400,
    message: "Can't add member(s) to the Pod. They belong to another Pod in this site already.",
  },
  2218: { httpStatus: 400, message: 'Can not add the same tag to different Pod members.' },
  2219: {
    httpStatus: 400,
    message: 'New guest limit must be equal to or higher than the current number of guests.',
  },
  2220: {
    httpStatus: 403,
    message:
      'Can not perform this operation on the site user because they are a pod member. Please remove them from the pod first.',
  },
  2221: { httpStatus: 400, message: 'Can not add all guests. Max guest amount reached for pod.' },
  2222: { httpStatus: 400, message: 'Locks can not be used because they are not part of the pod.' },
  2223: { httpStatus: 400, message: 'Migration aborted' },
  3010: { httpStatus: 500, message: 'ClpFunctionException' },
  3101: { httpStatus: 500, message: 'Ccc generic exception' },
  3102: { httpStatus: 408, message: 'Ccc command failed due to iq error.' },
  3103: { httpStatus: 403, message: 'Ccc operation cannot be executed.' },
  3104: { httpStatus: 404, message: 'Ccc entity not found' },
  3105: { httpStatus: 400, message: 'Iq is offline it is not connected to CCC' },
  3201: { httpStatus: 500, message: 'RequestFailedException' },
  4101: { httpStatus: 400, message: 'Invalid try to send a message' },
  4201: { httpStatus: 400, message: 'We could not invite the user' },
} as const satisfies Record<number, { readonly httpStatus: number; readonly message: string }>;

export type ErrorCode = keyof typeof errorTable;

/** Statuses a code may answer besides its table row (the contract's one-time-password refusals). */
export const statusOverrides: Partial<Record<ErrorCode, readonly number[]>> = { 3102: [400, 403] };

/** A refused operation: the table's code and HTTP status, and what exactly was wrong. */
export class CloudError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: ErrorCode,
    /** Specifics for people (which user, which lock); the table's message is the contract. */
    readonly detail?: string,
    parameterName?: string,
    /** A status other than the table's, only where `statusOverrides` allows it for this code. */
    httpStatus?: number,
  ) {
    const base = errorTable[code].message.replace('{parameterName}', parameterName ?? 'parameter');
    super(detail === undefined ? base : `${base} (${detail})`);
    this.name = 'CloudError';
    if (httpStatus !== undefined && !(statusOverrides[code] ?? []).includes(httpStatus))
      throw new RangeError(`code ${code} never answers ${httpStatus}`);
    this.httpStatus = httpStatus ?? errorTable[code].httpStatus;
  }
}

/** The result of a cloud operation: a value, or the typed refusal. */
export type CloudResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CloudError };
