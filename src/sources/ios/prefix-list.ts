import { containsPrefix, type Prefix } from '../../model/prefix.js';
import type { PrefixListEntry } from './router-config.js';

/**
 * Whether an IOS prefix list permits a route: entries are tried in sequence order and the first that matches
 * decides; a route no entry matches is denied (the implicit deny at the end of every list).
 */
export function prefixListPermits(entries: readonly PrefixListEntry[], route: Prefix): boolean {
  return entries.find((entry) => matches(entry, route))?.action === 'permit';
}

/**
 * An entry matches a route inside its prefix whose length is in range: exactly the entry's length without
 * ge/le, ge..32 with ge alone, len..le with le alone, ge..le with both.
 */
function matches(entry: PrefixListEntry, route: Prefix): boolean {
  const low = entry.ge ?? entry.prefix.len;
  const high = entry.le ?? (entry.ge === undefined ? entry.prefix.len : 32);
  return route.len >= low && route.len <= high && containsPrefix(entry.prefix, route);
}
