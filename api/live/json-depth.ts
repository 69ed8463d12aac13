/**
 * How deeply a parsed JSON value nests, measured without recursion (a hostile value may nest tens of thousands
 * deep: counting it must not overflow the stack that it would overflow later, in a trace or an export).
 */

/** The depth of `value` (a scalar is 0, `[]` and `{}` are 1), or `limit + 1` as soon as it is known to exceed `limit`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return limit + 1;
    deepest = Math.max(deepest, depth);
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) pending.push({ value: child, depth });
  }
  return deepest;
}
