import { formatAddress, parsePrefix, type Prefix } from '../../model/prefix.js';
import type { OnPremSite, Topology } from '../../model/topology.js';
import type { Findings } from '../findings.js';
import { neighborPolicy } from '../ios/neighbor-policy.js';
import type { CeRouterSource } from './ce-routers.js';
import type { PolicyJob } from './policy-job.js';

/**
 * Gives every matched CE session its policy, evaluated on every prefix the topology can route (VNet address
 * spaces, on-premises LANs, network statements, static local network prefixes), and notes the sessions of the
 * configurations that no circuit link or VPN connection in the export ends at.
 */
export function applyPolicies(topology: Topology, jobs: readonly PolicyJob[], routers: readonly CeRouterSource[], findings: Findings): void {
  const universe = routablePrefixes(topology);
  const siteOf = new Map<string, OnPremSite>();
  for (const site of topology.sites) if (site.kind === 'onprem') for (const r of site.routers) siteOf.set(r.id, site);
  for (const job of jobs) {
    const ownPrefixes = (siteOf.get(job.router.id)?.prefixes ?? []).map(parsePrefix);
    const converted = neighborPolicy({ config: job.router.config, neighbor: job.session.neighbor, universe, ownPrefixes });
    if (converted.policy) job.apply(converted.policy);
    for (const a of converted.assumptions) findings.assume(`CE router ${job.router.id} (${job.router.file}), ${a}`);
    for (const n of converted.notExpressible) findings.note({ file: job.router.file, line: job.session.neighbor.line }, 'not-expressible', n);
  }
  const claimed = new Set(jobs.map((j) => j.session));
  for (const router of routers) {
    for (const s of router.sessions.filter((x) => !claimed.has(x))) {
      findings.note({ file: router.file, line: s.neighbor.line }, 'not-mapped',
        `neighbor ${formatAddress(s.neighbor.address)} (remote-as ${s.remoteAs}): no circuit link or VPN connection in the export ends at this session`);
    }
  }
}

function routablePrefixes(topology: Topology): Prefix[] {
  const texts = new Set<string>();
  for (const site of topology.sites) {
    if (site.kind === 'vnet') site.addressSpace.forEach((p) => texts.add(p));
    else [...site.prefixes, ...site.routers.flatMap((r) => r.networks)].forEach((p) => texts.add(p));
  }
  for (const c of topology.vpnConnections ?? []) (c.localNetworkPrefixes ?? []).forEach((p) => texts.add(p));
  return [...texts].map(parsePrefix).sort((a, b) => a.net - b.net || a.len - b.len);
}
