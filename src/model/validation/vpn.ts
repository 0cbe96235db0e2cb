import { error, type Issue } from '../issue.js';
import { reservation } from './asns.js';
import type { LooseVpnConnection } from './loose.js';
import { each, type CeInfo, type Model, type PrefixAt, type VnetInfo } from './model.js';
import { firstOverlaps } from './prefix-groups.js';
import { refCe, refVnet } from './references.js';

/**
 * A site-to-site VPN connection joins a VNet's VPN gateway to a CE router or to another VNet's VPN gateway, so
 * both ends must exist and (for VNet-to-VNet) have VPN gateways, and a gateway cannot connect to itself. Over
 * BGP the two ends are eBGP peers, which need different ASNs (vpn-gateway-vpn-faq). The prefixes of a local
 * network gateway must not overlap the VNet's own address space, which Azure rejects. Several connections
 * between the same two ends are legal (a CE with two public addresses, two local network gateways) and say
 * nothing wrong by themselves.
 */
export function vpnIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const [c, path] of each(m.t.vpnConnections, '$.vpnConnections')) issues.push(...connectionIssues(m, c, path));
  return issues;
}

/** An active-active gateway has its addresses per instance: a gateway-wide one would say which instance? */
export function vpnGatewayIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const v of m.vnets) {
    const gateway = v.site.vpnGateway;
    if (gateway?.instances === undefined) continue;
    for (const field of ['bgpAddress', 'address'] as const) {
      if (gateway[field] === undefined) continue;
      issues.push(error(
        `${v.path}.vpnGateway.${field}`,
        `an active-active gateway (with instances) cannot have a gateway-wide ${field}`,
        `give each instance its own ${field} under instances, and remove this one`,
      ));
    }
  }
  return issues;
}

function connectionIssues(m: Model, c: LooseVpnConnection, path: string): Issue[] {
  const issues: Issue[] = [];
  const bgp = c.bgp !== false;
  const peer = c.peer;
  if (peer && 'vnet' in peer && peer.vnet !== undefined && peer.vnet === c.gateway) {
    const message = `a VPN connection cannot connect "${peer.vnet}" to itself`;
    return [error(`${path}.peer.vnet`, message, 'name another VNet with a VPN gateway')];
  }
  const gw = refVnet(m, c.gateway, `${path}.gateway`, issues, 'vpnGateway');
  if (peer && 'vnet' in peer) {
    const pv = refVnet(m, peer.vnet, `${path}.peer.vnet`, issues, 'vpnGateway');
    if (bgp && gw && pv) issues.push(...vnetAsnClash(m, gw, pv, `${path}.peer.vnet`));
  } else if (peer && 'ce' in peer) {
    const ce = refCe(m, peer.ce, `${path}.peer.ce`, issues);
    if (bgp && gw && ce) issues.push(...ceAsnClash(m, gw, ce, `${path}.peer.ce`));
  }
  if (gw) issues.push(...localPrefixOverlaps(m, gw, c.localNetworkPrefixes, `${path}.localNetworkPrefixes`));
  return issues;
}

function localPrefixOverlaps(
  m: Model,
  gw: VnetInfo,
  list: (string | undefined)[] | undefined,
  path: string,
): Issue[] {
  const local: PrefixAt[] = [];
  for (const [text, p] of each(list, path)) {
    const prefix = m.ip.validPrefix(text);
    if (prefix) local.push({ prefix, text, path: p });
  }
  const hits = firstOverlaps(local, gw.space);
  return local.flatMap((l, k) => {
    const hit = hits[k];
    if (!hit) return [];
    return [
      error(
        l.path,
        `"${l.text}" overlaps the address space of "${gw.id}" (${hit.text})`,
        "a local network gateway's prefixes must not overlap the VNet",
      ),
    ];
  });
}

/** The VPN gateway's ASN (default 65515); undefined when its VNet has structural problems. */
function vpnGatewayAsn(m: Model, v: VnetInfo): number | undefined {
  if (m.uncertain.has(v.id) || !v.site.vpnGateway) return undefined;
  return v.site.vpnGateway.asn ?? 65515;
}

function ceAsnClash(m: Model, gw: VnetInfo, ce: CeInfo, path: string): Issue[] {
  const gwAsn = vpnGatewayAsn(m, gw);
  const ceAsn = ce.ce.asn;
  // A reserved CE ASN is reported on its own, with the reason.
  if (gwAsn === undefined || ceAsn === undefined || gwAsn !== ceAsn || reservation('ce', ceAsn)) return [];
  return [
    error(
      path,
      `the VPN gateway of "${gw.id}" and CE router "${ce.id}" both use ASN ${ceAsn}: eBGP peers need different ASNs`,
      `change the VPN gateway's asn (${gw.path}.vpnGateway.asn)`,
    ),
  ];
}

function vnetAsnClash(m: Model, gw: VnetInfo, peer: VnetInfo, path: string): Issue[] {
  const a = vpnGatewayAsn(m, gw);
  const b = vpnGatewayAsn(m, peer);
  if (a === undefined || a !== b) return [];
  return [
    error(
      path,
      `the VPN gateways of "${gw.id}" and "${peer.id}" both use ASN ${a}: eBGP peers need different ASNs`,
      `change the VPN gateway's asn of "${peer.id}" (${peer.path}.vpnGateway.asn), ` +
        "as the seed's branch does with 65516",
    ),
  ];
}
