import type { Prefix } from '../../model/prefix.js';
import { prefixListPermits } from './prefix-list.js';
import type { PrefixListEntry, RouteMapEntry } from './router-config.js';

/** What a route map does to one route: denied, or permitted by an entry whose `set` clauses apply. */
export type RouteMapVerdict = { permitted: false } | { permitted: true; entry: RouteMapEntry };

/**
 * IOS route-map evaluation: entries in sequence order; an entry matches when every `match` statement does (a
 * statement naming several prefix lists matches when any of them permits the route; an entry without `match`
 * matches every route); the first matching entry permits or denies; no match is a deny. Every prefix list named
 * must be in `lists` (the importer refuses a configuration that names one it does not define).
 */
export function evaluateRouteMap(
  entries: readonly RouteMapEntry[],
  lists: ReadonlyMap<string, readonly PrefixListEntry[]>,
  route: Prefix,
): RouteMapVerdict {
  for (const entry of entries) {
    const matched = entry.matchPrefixLists.every((names) => names.some((n) => prefixListPermits(lists.get(n.name) ?? [], route)));
    if (!matched) continue;
    return entry.action === 'permit' ? { permitted: true, entry } : { permitted: false };
  }
  return { permitted: false };
}
