import { pathSegments } from '../issue.js';
import { isObject } from './loose.js';

/**
 * A copy of `value` without the values at `tainted` paths (those the structural pass found to have the wrong
 * type, range or spelling), so that the semantic checks only see well-formed data: an address space given as a
 * string instead of a list is reported once, by the schema, and no check trips over it.
 *
 * Only the arrays and objects on the way to a tainted value are copied; everything else is shared with
 * `value`, which is left as it is. The work follows the tainted paths, not the file's size or nesting.
 */
export function sanitize(value: unknown, tainted: ReadonlySet<string>): unknown {
  const copies = new Set<unknown>();
  const own = <T extends object>(container: T): T => {
    if (copies.has(container)) return container;
    const copy = (Array.isArray(container) ? [...container] : { ...container }) as T;
    copies.add(copy);
    return copy;
  };
  let root = value;
  for (const path of tainted) {
    const segments = pathSegments(path);
    const last = segments.pop();
    if (last === undefined) return undefined; // the whole file is of the wrong shape
    if (!isContainer(root)) continue;
    root = own(root);
    let parent: object | undefined = root as object;
    for (const segment of segments) {
      const child: unknown = Object.hasOwn(parent, segment) ? (parent as Record<string, unknown>)[segment] : undefined;
      parent = isContainer(child) ? setOwn(parent, segment, own(child)) : undefined;
      if (!parent) break;
    }
    if (parent && Object.hasOwn(parent, last)) setOwn(parent, last, undefined);
  }
  return root;
}

function isContainer(v: unknown): v is object {
  return Array.isArray(v) || isObject(v);
}

/** Sets an own property: a key named "__proto__" stays a plain key, as JSON.parse made it. */
function setOwn<T>(o: object, key: string | number, value: T): T {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}
