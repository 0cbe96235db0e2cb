import { asn, cidr, integer, networkPrefix, StatementError } from './values.js';
import { changesRouting, ignored, IMPORTED, notUnderstood, UNDERSTOOD, type Outcome, type ParseState } from './outcome.js';
import type { PrefixListEntry } from './router-config.js';

/** Global settings that say nothing about routing: management plane, logging, licensing. */
const MANAGEMENT = new Set([
  'end', 'version', 'service', 'boot', 'logging', 'ntp', 'snmp-server', 'username', 'enable', 'aaa', 'clock',
  'license', 'platform', 'spanning-tree', 'archive', 'redundancy',
]);
/** Blocks whose indented lines are management settings too. */
const MANAGEMENT_BLOCKS = new Set(['line', 'control-plane']);
const IGP_WHY = 'LAN-side routing (an IGP), not imported: the model\'s LAN sends traffic to every CE router of its site that has a route';

/**
 * Statements at the top level of a configuration (column 0). Each either is part of the subset (hostname,
 * interface, router bgp, route-map, ip prefix-list, ip route), is known to have no effect on the routes whatif
 * computes, or is reported.
 */
export function globalStatement(state: ParseState, words: string[], line: number): Outcome {
  const [first, second] = words;
  switch (first) {
    case 'hostname':
      if (second === undefined) throw new StatementError('hostname has no name', 'write hostname NAME');
      state.config.hostname = { name: second, line };
      return IMPORTED;
    case 'interface': {
      if (second === undefined) throw new StatementError('interface has no name', 'write interface NAME');
      const iface = { name: words.slice(1).join(' '), line, addresses: [], shutdown: false };
      state.config.interfaces.push(iface);
      state.mode = { kind: 'interface', iface };
      return UNDERSTOOD;
    }
    case 'router':
      return second === 'bgp' ? routerBgp(state, words, line) : { kind: 'block', disposition: 'changes-routing', why: IGP_WHY };
    case 'route-map':
      return routeMap(state, words, line);
    case 'ip':
      return ipStatement(state, words, line);
    case 'crypto':
      return { kind: 'block', disposition: 'ignored', why: 'IPsec and IKE settings: the VPN connection models the tunnel, not its encryption' };
    case 'default-information':
    case 'redistribute':
    case 'distance':
      return changesRouting('a routing-process statement outside any process, not imported');
    default:
      if (first !== undefined && MANAGEMENT.has(first)) return ignored('a management-plane setting');
      if (first !== undefined && MANAGEMENT_BLOCKS.has(first)) return { kind: 'block', disposition: 'ignored', why: 'a management-plane setting' };
      return notUnderstood('a global statement outside the subset');
  }
}

function routerBgp(state: ParseState, words: string[], line: number): Outcome {
  const number = asn(words[2]);
  const bgp = state.config.bgp;
  if (bgp && bgp.asn !== number) {
    throw new StatementError(`router bgp ${number} conflicts with router bgp ${bgp.asn} at line ${bgp.line}`, 'a router runs one BGP process: check the AS number');
  }
  state.config.bgp ??= { asn: number, line, networks: [], activateExplicitly: false, neighbors: [] };
  state.mode = { kind: 'bgp', inAddressFamily: false, vrf: undefined, skippedFamily: undefined };
  return IMPORTED;
}

/** `route-map NAME [permit|deny] [SEQ]`: IOS defaults to permit 10. */
function routeMap(state: ParseState, words: string[], line: number): Outcome {
  const [, name, actionText = 'permit', seqText = '10'] = words;
  if (name === undefined) throw new StatementError('route-map has no name', 'write route-map NAME permit SEQ');
  if (actionText !== 'permit' && actionText !== 'deny') throw new StatementError(`route-map action "${actionText}" is neither permit nor deny`, 'write route-map NAME permit|deny SEQ');
  const seq = integer(seqText, 'route-map sequence number', 0, 65535);
  const entries = state.config.routeMaps.get(name) ?? [];
  // Naming an existing entry again enters it: its clauses continue.
  let entry = entries.find((e) => e.seq === seq);
  if (entry === undefined) {
    entry = { action: actionText, seq, line, matchPrefixLists: [] };
    entries.push(entry);
    entries.sort((a, b) => a.seq - b.seq);
  }
  state.config.routeMaps.set(name, entries);
  state.mode = { kind: 'route-map', entry };
  return IMPORTED;
}

function ipStatement(state: ParseState, words: string[], line: number): Outcome {
  switch (words[1]) {
    case 'prefix-list':
      return words[3] === 'description' ? ignored('a prefix-list description') : prefixList(state, words, line);
    case 'route': {
      // ip route [vrf NAME] A M NEXT-HOP...: classified once the BGP neighbours are known (parse.ts).
      const at = words[2] === 'vrf' ? 4 : 2;
      state.config.staticRoutes.push({ prefix: networkPrefix(words[at], words[at + 1]), line, text: words.join(' ') });
      return UNDERSTOOD;
    }
    case 'vrf':
      return { kind: 'block', disposition: 'ignored', why: 'a VRF definition: the model has one routing table per router' };
    case 'domain':
    case 'domain-name':
    case 'name-server':
    case 'ssh':
    case 'http':
    case 'cef':
      return ignored('a management-plane setting');
    default:
      return notUnderstood('an ip statement outside the subset');
  }
}

/** `ip prefix-list NAME [seq N] permit|deny A.B.C.D/len [ge G] [le L]`; without seq, IOS numbers 5 past the highest. */
function prefixList(state: ParseState, words: string[], line: number): Outcome {
  const name = words[2];
  if (name === undefined) throw new StatementError('ip prefix-list has no name', 'write ip prefix-list NAME seq N permit PREFIX');
  const entries = state.config.prefixLists.get(name) ?? [];
  let at = 3;
  let seq = Math.max(0, ...entries.map((e) => e.seq)) + 5;
  if (words[at] === 'seq') {
    seq = integer(words[at + 1], 'prefix-list sequence number', 1, 4294967294);
    at += 2;
  }
  const action = words[at];
  if (action !== 'permit' && action !== 'deny') throw new StatementError(`prefix-list action "${action ?? ''}" is neither permit nor deny`, 'write ip prefix-list NAME seq N permit|deny PREFIX');
  const entry: PrefixListEntry = { action, seq, prefix: cidr(words[at + 1]), line };
  for (let k = at + 2; k < words.length; k += 2) {
    const bound = words[k];
    if (bound !== 'ge' && bound !== 'le') throw new StatementError(`"${bound}" in a prefix-list entry is neither ge nor le`, 'write [ge N] [le N] after the prefix');
    entry[bound] = integer(words[k + 1], bound, 1, 32);
  }
  // IOS requires len < ge <= le <= 32.
  const low = entry.ge ?? entry.prefix.len;
  if ((entry.ge !== undefined && entry.ge <= entry.prefix.len) || (entry.le !== undefined && (entry.le < low || entry.le <= entry.prefix.len))) {
    throw new StatementError('the ge/le range does not fit the prefix', `use ${entry.prefix.len} < ge <= le <= 32`);
  }
  entries.push(entry);
  entries.sort((a, b) => a.seq - b.seq);
  state.config.prefixLists.set(name, entries);
  return IMPORTED;
}
