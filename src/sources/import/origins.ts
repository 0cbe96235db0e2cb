import type { SourceRef } from '../findings.js';

/**
 * Where each object of the imported topology came from, kept beside it (not in it: the topology must pass its
 * own schema). When the assembled topology fails validation, an issue's JSON path leads to the innermost object
 * with an origin, so the message can name the resource or configuration line to fix.
 */
export class Origins {
  private readonly map = new WeakMap<object, SourceRef>();

  set<T extends object>(item: T, at: SourceRef): T {
    this.map.set(item, at);
    return item;
  }

  /** The origin of the innermost object on a validation path (`$.sites[2].routers[0].asn`). */
  ofPath(root: object, path: string): SourceRef | undefined {
    let found = this.map.get(root);
    let node: unknown = root;
    for (const [, name, index, quoted] of path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
      const key = name ?? (index !== undefined ? Number(index) : (JSON.parse(quoted!) as string));
      node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
      if (typeof node === 'object' && node !== null) found = this.map.get(node) ?? found;
    }
    return found;
  }
}
