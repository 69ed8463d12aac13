/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` fields dropped, non-finite numbers refused.
 * The same value always gives the same text, in any process, whatever order its keys were built in.
 */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonical JSON cannot hold ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      throw new TypeError('canonical JSON cannot hold undefined at the top level');
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: JsonValue) => canonicalJson(item)).join(',')}]`;
  }
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(field)}`;
    first = false;
  }
  return `${text}}`;
}
