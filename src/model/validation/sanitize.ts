import { childPath } from '../issue.js';
import { isObject } from './loose.js';

/**
 * A copy of `value` without the values at `tainted` paths (those the structural pass found to have the wrong
 * type, range or spelling), so that the semantic checks only see well-formed data: an address space given as a
 * string instead of a list is reported once, by the schema, and no check trips over it.
 */
export function sanitize(value: unknown, tainted: ReadonlySet<string>): unknown {
  // Nothing to remove from a well-formed file: skip the copy.
  return tainted.size === 0 ? value : without(value, '$', tainted);
}

function without(value: unknown, path: string, tainted: ReadonlySet<string>): unknown {
  if (tainted.has(path)) return undefined;
  if (Array.isArray(value)) return value.map((v, i) => without(v, childPath(path, i), tainted));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, without(v, childPath(path, k), tainted)]));
  }
  return value;
}
