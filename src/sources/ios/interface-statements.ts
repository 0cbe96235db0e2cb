import { maskOf } from '../../model/prefix.js';
import { changesRouting, ignored, IMPORTED, notUnderstood, type Outcome } from './outcome.js';
import type { IosInterface } from './router-config.js';
import { ipv4, maskLength } from './values.js';

/** Interface settings that do not change the routes whatif computes. */
const NO_ROUTING_EFFECT: Record<string, string> = {
  description: 'a description',
  encapsulation: 'layer-2 framing',
  tunnel: 'tunnel transport settings: the VPN connection models the tunnel',
  mtu: 'interface tuning',
  bandwidth: 'interface tuning',
  'load-interval': 'interface tuning',
  negotiation: 'interface tuning',
  speed: 'interface tuning',
  duplex: 'interface tuning',
  keepalive: 'interface tuning',
  cdp: 'interface tuning',
};

/**
 * Statements inside `interface NAME`: its addresses and whether it is shut down are what matching needs (a BGP
 * neighbour is reached over the interface whose subnet holds it; a shut interface takes its sessions down).
 */
export function interfaceStatement(iface: IosInterface, words: string[], line: number): Outcome {
  const [first, second] = words;
  if (first === 'shutdown') {
    iface.shutdown = true;
    return IMPORTED;
  }
  if (first === 'no' && (second === 'shutdown' || second === 'ip')) return ignored('the default');
  if (first === 'ip' && second === 'address') return ipAddress(iface, words, line);
  if (first === 'ip') return ipSetting(words);
  if (first === 'vrf' && second === 'forwarding') return ignored('VRF membership: the model has one routing table per router');
  const why = first === undefined ? undefined : NO_ROUTING_EFFECT[first];
  return why === undefined ? notUnderstood('an interface statement outside the subset') : ignored(why);
}

/** `ip address A M [secondary]`. */
function ipAddress(iface: IosInterface, words: string[], line: number): Outcome {
  const extra = words[4];
  if (words[2] === 'dhcp' || words[2] === 'negotiated' || (extra !== undefined && extra !== 'secondary')) {
    return notUnderstood('an address the configuration does not state: sessions over this interface cannot be matched');
  }
  const address = ipv4(words[2], 'interface address');
  const len = maskLength(words[3]);
  iface.addresses.push({ address, subnet: { net: (address & maskOf(len)) >>> 0, len }, line });
  return IMPORTED;
}

function ipSetting(words: string[]): Outcome {
  switch (words[1]) {
    case 'vrf':
      return ignored('VRF membership: the model has one routing table per router');
    case 'ospf':
      return ignored('an OSPF interface setting: the OSPF process is reported on its own');
    case 'mtu':
    case 'tcp':
      return ignored('interface tuning');
    case 'policy':
      return changesRouting('policy-based routing, not imported');
    case 'nat':
      return changesRouting('address translation, not imported');
    default:
      return notUnderstood('an interface statement outside the subset');
  }
}
