/**
 * The one error the OData parser and evaluator throw: whatever a client writes in `$filter` or `$orderby`, the
 * result is a parsed query or this error (the REST API renders it as 400/1102), never anything else.
 */
export class ODataError extends Error {
  constructor(
    /** The query option at fault: `$filter` or `$orderby`. */
    readonly option: string,
    /** What was wrong, for people. */
    readonly detail: string,
    /** Character offset in the option's text, when one place is at fault. */
    readonly position?: number,
  ) {
    super(position === undefined ? `${option}: ${detail}` : `${option}: ${detail} at position ${position}`);
    this.name = 'ODataError';
  }
}
