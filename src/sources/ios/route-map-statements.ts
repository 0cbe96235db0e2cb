import { asn, integer, StatementError } from './values.js';
import { changesRouting, ignored, IMPORTED, type Outcome } from './outcome.js';
import type { RouteMapEntry } from './router-config.js';

/**
 * Clauses inside `route-map NAME permit|deny SEQ`: `match ip address prefix-list`, `set local-preference`,
 * `set weight`, `set as-path prepend`. Any other clause is reported as changing routing: the entry is then
 * evaluated without it, which can match more routes than the router does.
 */
export function routeMapStatement(entry: RouteMapEntry, words: string[], line: number): Outcome {
  const text = words.join(' ');
  if (words[0] === 'description') return ignored('a description');
  if (text.startsWith('match ip address prefix-list ')) {
    const names = words.slice(4);
    entry.matchPrefixLists.push(names.map((name) => ({ name, line })));
    return IMPORTED;
  }
  if (words[0] === 'set' && words[1] === 'local-preference') {
    entry.setLocalPreference = integer(words[2], 'local-preference', 0, 4294967295);
    return IMPORTED;
  }
  if (words[0] === 'set' && words[1] === 'weight') {
    entry.setWeight = integer(words[2], 'weight', 0, 65535);
    return IMPORTED;
  }
  if (text.startsWith('set as-path prepend ')) {
    const asns = words.slice(3);
    if (asns[0] === 'last-as') return changesRouting('set as-path prepend last-as is outside the subset: the entry is evaluated without it');
    entry.prepend = asns.map((a) => asn(a));
    return IMPORTED;
  }
  if (text === 'set as-path prepend') throw new StatementError('set as-path prepend names no AS number', 'write set as-path prepend ASN [ASN...]');
  return changesRouting('a route-map clause outside the subset: the entry is evaluated without it');
}
