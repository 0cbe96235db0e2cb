import { basename, extname } from 'node:path';
import { containsAddress, formatAddress, type Prefix } from '../../model/prefix.js';
import type { Findings } from '../findings.js';
import { bgpRouterId } from '../ios/router-id.js';
import type { BgpNeighbor, BgpProcess, RouterConfig } from '../ios/router-config.js';
import type { Names } from './names.js';
import type { RouterSource } from './read-inputs.js';

/** A CE router from its configuration, ready to be matched to circuit links and VPN connections. */
export interface CeRouterSource {
  file: string;
  config: RouterConfig;
  bgp: BgpProcess;
  /** Its id in the topology: the hostname, or the file's name without extension. */
  id: string;
  /** Every interface address: an LNG's BGP or gateway address names the router by one of them. */
  addresses: Set<number>;
  networks: Prefix[];
  routerId: number;
  sessions: BgpSession[];
}

export interface BgpSession {
  neighbor: BgpNeighbor;
  remoteAs: number;
  /** Why the session cannot come up (shut down, interface down, not activated); undefined when it can. */
  down: string | undefined;
}

/**
 * The CE routers of the configurations. A configuration without `router bgp`, or whose BGP announces no
 * network, cannot be placed in a site (its LAN prefixes are unknown): it is noted and left out, and the links
 * it would have served are imported as having no CE session.
 */
export function ceRouters(sources: readonly RouterSource[], names: Names, findings: Findings): CeRouterSource[] {
  const routers: CeRouterSource[] = [];
  for (const { file, parsed } of sources) {
    const config = parsed.config;
    const bgp = config.bgp;
    if (!bgp || bgp.networks.length === 0) {
      const why = bgp ? `router bgp ${bgp.asn} announces no network (network A mask M)` : 'it has no router bgp';
      findings.note({ file, line: bgp?.line }, 'not-mapped', `${why}: the site behind the router is unknown, so the router is not imported`);
      continue;
    }
    const hostname = config.hostname?.name;
    const id = names.claim('node', hostname ?? basename(file, extname(file)));
    if (hostname === undefined) findings.assume(`CE router ${id} (${file}) is named after its file: the configuration has no hostname`);
    if (hostname !== undefined && id !== hostname) findings.assume(`CE router ${id} (${file}): hostname ${hostname} is taken, so it got a suffix`);
    const rid = bgpRouterId(config);
    const routerId = rid?.id ?? bgp.networks[0]!.prefix.net;
    if (config.bgp?.routerId === undefined) {
      findings.assume(`CE router ${id} (${file}): BGP router id ${formatAddress(routerId)}, ${rid ? `IOS's choice: ${rid.from}` : 'its first network (no interface address to take it from)'}`);
    }
    routers.push({
      file, config, bgp, id,
      addresses: new Set(config.interfaces.flatMap((i) => i.addresses.map((a) => a.address))),
      networks: bgp.networks.map((n) => n.prefix),
      routerId,
      sessions: sessions(file, config, bgp, findings),
    });
  }
  return routers;
}

function sessions(file: string, config: RouterConfig, bgp: BgpProcess, findings: Findings): BgpSession[] {
  const result: BgpSession[] = [];
  for (const neighbor of bgp.neighbors) {
    if (neighbor.remoteAs === undefined) {
      findings.note({ file, line: neighbor.line }, 'not-mapped', `neighbor ${formatAddress(neighbor.address)} has no remote-as: no session`);
      continue;
    }
    result.push({ neighbor, remoteAs: neighbor.remoteAs, down: downReason(config, bgp, neighbor) });
  }
  return result;
}

function downReason(config: RouterConfig, bgp: BgpProcess, neighbor: BgpNeighbor): string | undefined {
  if (neighbor.shutdown) return `neighbor ${formatAddress(neighbor.address)} shutdown`;
  if (bgp.activateExplicitly && !neighbor.activate && !neighbor.definedInAddressFamily) {
    return `neighbor ${formatAddress(neighbor.address)} is not activated for IPv4 (no bgp default ipv4-unicast)`;
  }
  const source = neighbor.updateSource?.toLowerCase();
  const iface = config.interfaces.find((i) =>
    source !== undefined ? i.name.toLowerCase() === source : i.addresses.some((a) => containsAddress(a.subnet, neighbor.address)));
  return iface?.shutdown ? `interface ${iface.name} (line ${iface.line}) is shut down` : undefined;
}
