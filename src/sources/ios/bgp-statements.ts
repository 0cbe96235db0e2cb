import { asn, integer, ipv4, networkPrefix, StatementError } from './values.js';
import { changesRouting, ignored, IMPORTED, UNDERSTOOD, type Mode, type Outcome, type ParseState } from './outcome.js';
import type { BgpNeighbor, BgpProcess } from './router-config.js';

type BgpMode = Extract<Mode, { kind: 'bgp' }>;

/** Neighbour settings that do not change which routes flow or how they are preferred. */
const NEIGHBOR_NO_EFFECT: Record<string, string> = {
  description: 'a description',
  'soft-reconfiguration': 'keeps a copy of received routes; routing is unchanged',
  'next-hop-self': 'no effect toward an eBGP neighbour (the next hop is already this router)',
  'ebgp-multihop': 'session transport: the model has the session',
  password: 'session authentication',
  timers: 'session timers',
  'send-community': 'communities: the model does not match on them',
  version: 'the BGP version',
  'fall-over': 'session liveness',
  'disable-connected-check': 'session transport: the model has the session',
};

/**
 * Statements inside `router bgp ASN`, in or out of `address-family ipv4 [unicast] [vrf NAME]`: neighbours with
 * their ASN, policies, weight and state; `network ... mask ...`; `maximum-paths`; `bgp router-id`. Other address
 * families (IPv6, VPNv4) are skipped as a block: the model routes IPv4 unicast only.
 */
export function bgpStatement(state: ParseState, mode: BgpMode, words: string[], line: number): Outcome {
  const bgp = state.config.bgp as BgpProcess;
  const [first, second] = words;
  if (first === 'address-family') return addressFamily(mode, words);
  if (first === 'exit-address-family') {
    Object.assign(mode, { inAddressFamily: false, vrf: undefined, skippedFamily: undefined });
    return UNDERSTOOD;
  }
  if (mode.skippedFamily) {
    mode.skippedFamily.lastLine = line;
    return UNDERSTOOD;
  }
  switch (first) {
    case 'neighbor':
      return neighborStatement(state, mode, words, line);
    case 'network':
      if (words.length === 2) return changesRouting('a network without a mask (classful), not imported: write network A mask M');
      if (words[2] !== 'mask' || words.length > 4) return changesRouting('not imported: only network A mask M is');
      {
        const prefix = networkPrefix(second, words[3]);
        // The same network in two address-family blocks (as in the seed's configuration) is one statement.
        if (!bgp.networks.some((n) => n.prefix.net === prefix.net && n.prefix.len === prefix.len)) bgp.networks.push({ prefix, line });
      }
      return IMPORTED;
    case 'maximum-paths':
      if (second === 'ibgp' || second === 'eibgp') return changesRouting('not imported: the model has no iBGP');
      bgp.maximumPaths = integer(second, 'maximum-paths', 1, 32);
      return IMPORTED;
    case 'bgp':
      if (second === 'router-id') {
        bgp.routerId = ipv4(words[2], 'router id');
        return IMPORTED;
      }
      return second === 'log-neighbor-changes' ? ignored('logging') : changesRouting('a bgp setting outside the subset, not imported');
    case 'no':
      return noStatement(bgp, words);
    case 'timers':
      return ignored('session timers');
    case 'redistribute':
      return changesRouting('redistributed routes are not imported: add network statements for the prefixes the router announces');
    default:
      return changesRouting('a router bgp statement outside the subset, not imported');
  }
}

function addressFamily(mode: BgpMode, words: string[]): Outcome {
  const rest = words.slice(1);
  if (rest[1] === 'unicast') rest.splice(1, 1);
  const ipv4Unicast = rest[0] === 'ipv4' && (rest.length === 1 || (rest.length === 3 && rest[1] === 'vrf'));
  if (ipv4Unicast) {
    Object.assign(mode, { inAddressFamily: true, vrf: rest[2], skippedFamily: undefined });
    return UNDERSTOOD;
  }
  // parse.ts records the block and points skippedFamily at its note: lines up to exit-address-family join it.
  Object.assign(mode, { inAddressFamily: true, vrf: undefined });
  return { kind: 'block', disposition: 'ignored', why: 'the model routes IPv4 unicast only' };
}

function noStatement(bgp: BgpProcess, words: string[]): Outcome {
  const rest = words.slice(1).join(' ');
  if (rest === 'bgp default ipv4-unicast') {
    bgp.activateExplicitly = true;
    return IMPORTED;
  }
  if (rest === 'auto-summary' || rest === 'synchronization') return ignored('the default in current IOS');
  return changesRouting('a router bgp statement outside the subset, not imported');
}

/** `neighbor A remote-as|route-map|prefix-list|weight|shutdown|activate|update-source ...`. */
function neighborStatement(state: ParseState, mode: BgpMode, words: string[], line: number): Outcome {
  const [, addressText, setting, value, direction] = words;
  if (addressText === undefined || !/^\d+\.\d+\.\d+\.\d+$/.test(addressText)) {
    return changesRouting('not imported: only neighbours named by address are (not peer groups)');
  }
  const neighbor = state.neighbor(ipv4(addressText, 'neighbour address'), line);
  if (mode.inAddressFamily && mode.vrf !== undefined) neighbor.vrf = mode.vrf;
  switch (setting) {
    case 'remote-as':
      neighbor.remoteAs = asn(value);
      if (mode.inAddressFamily) neighbor.definedInAddressFamily = true;
      return IMPORTED;
    case 'activate':
      neighbor.activate = true;
      return IMPORTED;
    case 'shutdown':
      neighbor.shutdown = true;
      return IMPORTED;
    case 'weight':
      neighbor.weight = integer(value, 'weight', 0, 65535);
      return IMPORTED;
    case 'update-source':
      if (value === undefined) throw new StatementError('update-source names no interface', 'write neighbor A update-source INTERFACE');
      neighbor.updateSource = value;
      return IMPORTED;
    case 'route-map':
    case 'prefix-list':
      return policy(neighbor, setting, value, direction, line);
    default: {
      const why = setting === undefined ? undefined : NEIGHBOR_NO_EFFECT[setting];
      return why === undefined ? changesRouting('a neighbour setting outside the subset, not imported') : ignored(why);
    }
  }
}

function policy(neighbor: BgpNeighbor, setting: 'route-map' | 'prefix-list', name: string | undefined, direction: string | undefined, line: number): Outcome {
  if (name === undefined || (direction !== 'in' && direction !== 'out')) {
    throw new StatementError(`neighbor ${setting} needs a name and in or out`, `write neighbor A ${setting} NAME in|out`);
  }
  const key = setting === 'route-map' ? (direction === 'in' ? 'routeMapIn' : 'routeMapOut') : direction === 'in' ? 'prefixListIn' : 'prefixListOut';
  neighbor[key] = { name, line };
  return IMPORTED;
}
