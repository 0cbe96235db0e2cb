import type { CompiledTopology } from '../../model/compiled.js';
import type { DesignFinding } from '../design-findings.js';
import { SOURCES } from './sources.js';

/**
 * CE routers of different on-premises sites with the same ASN: each drops the other's routes (BGP rejects a path
 * that holds its own ASN), so the sites cannot reach each other through Azure, over Global Reach or VPN
 * transit, unless the routers allow their own ASN in. Sites that never exchange routes lose nothing; the
 * finding says so, as a warning.
 */
export function sharedAsnFindings(topology: CompiledTopology): DesignFinding[] {
  const byAsn = new Map<number, { ce: string; site: string }[]>();
  for (const node of topology.nodes) {
    if (node.kind !== 'ce') continue;
    const list = byAsn.get(node.asn) ?? [];
    list.push({ ce: node.name, site: topology.sites[node.site]!.id });
    byAsn.set(node.asn, list);
  }
  const findings: DesignFinding[] = [];
  for (const [asn, routers] of [...byAsn.entries()].sort((a, b) => a[0] - b[0])) {
    const sites = [...new Set(routers.map((r) => r.site))];
    if (sites.length < 2) continue;
    findings.push({
      id: 'shared-asn', severity: 'warning', objects: routers.map((r) => r.ce), source: SOURCES.bgpAsns,
      message: `on-premises sites ${sites.join(', ')} share ASN ${asn}: each drops routes that crossed the other (BGP loop prevention), so they cannot reach each other through Azure`,
    });
  }
  return findings;
}
