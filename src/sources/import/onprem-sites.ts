import { formatAddress, formatPrefix, parsePrefix } from '../../model/prefix.js';
import type { CeRouter, OnPremSite } from '../../model/topology.js';
import type { SourceRef } from '../findings.js';
import type { Findings } from '../findings.js';
import type { CeRouterSource } from './ce-routers.js';
import type { Names } from './names.js';
import type { Origins } from './origins.js';
import type { LngRouter } from './vpn-connections.js';

interface Member {
  router: CeRouter;
  /** The LAN prefixes the router stands for: its network statements, or its local network gateway's space. */
  lan: string[];
  origin: SourceRef;
}

/**
 * On-premises sites: routers that announce the same LAN prefixes are one site (two CEs of one location), found
 * as the connected groups of routers that share a prefix. A site is named after its routers (the longest
 * common start of their names, up to a separator: loc2-ce01 and loc2-ce02 make loc2), and its test address is
 * the first host of its first prefix.
 */
export function onPremSites(ces: readonly CeRouterSource[], lngRouters: readonly LngRouter[], names: Names, origins: Origins, findings: Findings): OnPremSite[] {
  const members: Member[] = [
    ...ces.map((ce) => ({
      router: origins.set({
        id: ce.id, asn: ce.bgp.asn, routerId: formatAddress(ce.routerId), networks: ce.networks.map(formatPrefix),
        ...(ce.bgp.maximumPaths !== undefined && { maximumPaths: ce.bgp.maximumPaths }),
      }, { file: ce.file, line: ce.bgp.line }),
      lan: ce.networks.map(formatPrefix),
      origin: { file: ce.file, line: ce.bgp.line },
    })),
    ...lngRouters.map((r) => {
      const origin = { file: r.localGateway.resource.file, path: r.localGateway.resource.id };
      return { router: origins.set({ id: r.id, asn: r.asn, routerId: r.routerId, networks: r.networks }, origin), lan: r.prefixes, origin };
    }),
  ];
  return groups(members).map((group) => {
    const ids = group.map((m) => m.router.id).sort();
    const prefixes = [...new Set(group.flatMap((m) => m.lan))].sort(byAddress);
    const id = names.claim('node', siteName(ids));
    const first = parsePrefix(prefixes[0]!);
    const testAddress = formatAddress(first.len >= 31 ? first.net : first.net + 1);
    findings.assume(`on-premises site ${id} (routers ${ids.join(', ')}): LAN ${prefixes.join(', ')}, test address ${testAddress} (the first host: configurations name no host)`);
    const routers = [...group].sort((a, b) => a.router.id.localeCompare(b.router.id)).map((m) => m.router);
    return origins.set<OnPremSite>({ kind: 'onprem', id, prefixes, testAddresses: [testAddress], routers }, group[0]!.origin);
  });
}

/** Connected groups of members sharing a prefix (union-find over prefixes), in the order of their first member. */
function groups(members: readonly Member[]): Member[][] {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  members.forEach((m, i) => {
    for (const p of m.lan) {
      const j = owner.get(p);
      if (j === undefined) owner.set(p, i);
      else parent[find(i)] = find(j);
    }
  });
  const byRoot = new Map<number, Member[]>();
  members.forEach((m, i) => byRoot.set(find(i), [...(byRoot.get(find(i)) ?? []), m]));
  return [...byRoot.values()];
}

function siteName(routerIds: readonly string[]): string {
  const common = routerIds.reduce((a, b) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  });
  const cut = Math.max(common.lastIndexOf('-'), common.lastIndexOf('_'), common.lastIndexOf('.'));
  return (cut > 0 ? common.slice(0, cut) : '') || `${routerIds[0]!}-lan`;
}

function byAddress(a: string, b: string): number {
  const x = parsePrefix(a);
  const y = parsePrefix(b);
  return x.net - y.net || x.len - y.len;
}
