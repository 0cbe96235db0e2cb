import { error, warning, type Issue } from '../issue.js';
import { containsPrefix } from '../prefix.js';
import { each, inSpace, type Model, type SiteInfo } from './model.js';

/**
 * A site's addresses belong to its address space. Nothing is judged against a space with an invalid prefix
 * in it (its own issue comes first, and "outside" cannot be told).
 */

/**
 * Test addresses are the endpoints every trace starts and ends at, and the model delivers traffic to a site only
 * for its own prefixes: a test address outside them could never be reached, so it is an error.
 */
export function testAddressIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const s of m.sites) {
    const field = s.kind === 'vnet' ? 'addressSpace' : 'prefixes';
    for (const [text, path] of each(s.site.testAddresses, `${s.path}.testAddresses`)) {
      const addr = m.ip.validAddress(text);
      if (addr === undefined || !s.spaceComplete || inSpace(s.space, addr)) continue;
      issues.push(
        error(
          path,
          `test address "${text}" is outside the ${field} of "${s.id}" (${s.space.map((p) => p.text).join(', ')})`,
          `use an address inside the site, or add its prefix to ${field}`,
        ),
      );
    }
  }
  return issues;
}

/**
 * Azure gateways sit in the VNet's GatewaySubnet, so their addresses (and an ER connection's gateway address)
 * belong to the VNet's address space, as the LAN router's address belongs to its on-premises site. These are
 * only hop labels in traces, so a stray one is a warning, most likely a typo.
 */
export function hopAddressIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const v of m.vnets) {
    issues.push(
      ...outsideSpace(m, v, v.site.erGateway?.address, `${v.path}.erGateway.address`, 'the ER gateway address'),
      ...outsideSpace(m, v, v.site.vpnGateway?.address, `${v.path}.vpnGateway.address`, 'the VPN gateway address'),
      ...outsideSpace(m, v, v.site.vpnGateway?.bgpAddress, `${v.path}.vpnGateway.bgpAddress`, 'the BGP peer address'),
    );
    for (const [instance, path] of each(v.site.vpnGateway?.instances, `${v.path}.vpnGateway.instances`)) {
      issues.push(
        ...outsideSpace(m, v, instance.address, `${path}.address`, 'the VPN gateway address'),
        ...outsideSpace(m, v, instance.bgpAddress, `${path}.bgpAddress`, 'the BGP peer address'),
      );
    }
  }
  for (const [circuit, path] of each(m.t.erCircuits, '$.erCircuits')) {
    for (const [conn, connPath] of each(circuit.connections, `${path}.connections`)) {
      const v = m.nodes.get(conn.vnet ?? '');
      // A connection to a VNet without an ER gateway is reported as such: its address says nothing more.
      if (v?.kind !== 'vnet' || v.site.erGateway === undefined) continue;
      const what = 'the ER gateway address';
      issues.push(...outsideSpace(m, v, conn.gatewayAddress, `${connPath}.gatewayAddress`, what));
    }
  }
  for (const o of m.onprems) {
    issues.push(...outsideSpace(m, o, o.site.address, `${o.path}.address`, 'the LAN router address'));
  }
  return issues;
}

function outsideSpace(m: Model, s: SiteInfo, text: string | undefined, path: string, what: string): Issue[] {
  const addr = m.ip.validAddress(text);
  if (addr === undefined || !s.spaceComplete || inSpace(s.space, addr)) return [];
  return [
    warning(
      path,
      `${what} "${text}" is outside the address space of "${s.id}"`,
      `check the address: it should be inside "${s.id}"`,
    ),
  ];
}

/**
 * A CE router's network statements advertise prefixes to Azure, and the model delivers the traffic for them to
 * the site's LAN, which only delivers the site's own prefixes: a network outside them draws traffic that is
 * then dropped.
 */
export function ceNetworkIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const ce of m.ces) {
    if (!ce.site.spaceComplete) continue;
    for (const [text, path] of each(ce.ce.networks, `${ce.path}.networks`)) {
      const p = m.ip.validPrefix(text);
      if (!p || ce.site.space.some((s) => containsPrefix(s.prefix, p))) continue;
      issues.push(
        warning(
          path,
          `network "${text}" is not inside the prefixes of site "${ce.site.id}": ` +
            'traffic for it reaches the LAN, which does not deliver it',
          `add it to the prefixes of "${ce.site.id}", or remove the network statement`,
        ),
      );
    }
  }
  return issues;
}
