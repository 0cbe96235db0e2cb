import { AZURE_GATEWAY_ASN } from '../../model/azure-asns.js';
import { addressProblem, formatAddress, parseAddress, prefixProblem } from '../../model/prefix.js';
import type { VpnConnection, VpnPeerCe } from '../../model/topology.js';
import type { AzureEstate, Connection, Gateway, LocalGateway } from '../azure/estate.js';
import { idKey } from '../azure/fields.js';
import { at } from '../azure/source.js';
import type { Findings } from '../findings.js';
import type { CeRouterSource } from './ce-routers.js';
import type { Names } from './names.js';
import type { Origins } from './origins.js';
import type { PolicyJob } from './policy-job.js';
import type { VnetPlacement } from './vnet-sites.js';

/** The first private ASN, for a static-only local network gateway that names none (BGP never reads it). */
const STATIC_PLACEHOLDER_ASN = 64512;

/** An on-premises router known only from a local network gateway (no CE configuration matched it). */
export interface LngRouter {
  id: string;
  localGateway: LocalGateway;
  asn: number;
  routerId: string;
  /** What it announces over BGP (nothing on a static connection). */
  networks: string[];
  /** Its site's LAN: the local network gateway's address space, less a BGP peer /32. */
  prefixes: string[];
}

export interface VpnBuilt {
  connections: VpnConnection[];
  lngRouters: LngRouter[];
  jobs: PolicyJob[];
}

interface Context {
  placements: Map<string, VnetPlacement>;
  gateways: Map<string, Gateway>;
  localGateways: Map<string, LocalGateway>;
  routers: readonly CeRouterSource[];
  lngRouters: Map<string, LngRouter>;
  jobs: PolicyJob[];
  names: Names;
  origins: Origins;
  findings: Findings;
}

/**
 * Site-to-site VPN connections. An IPsec connection runs from a VPN gateway to a local network gateway; with
 * BGP, its peer is the CE whose neighbour is the gateway's BGP address and one of whose interfaces has the local
 * network gateway's BGP address; without BGP, the CE one of whose interfaces has the local network gateway's
 * public address. A local network gateway no configuration matches stands for a router of its own. A
 * VNet-to-VNet tunnel is two Vnet2Vnet connection resources, one per side: one failure unit.
 */
export function buildVpnConnections(
  estate: AzureEstate,
  placements: Map<string, VnetPlacement>,
  routers: readonly CeRouterSource[],
  names: Names,
  origins: Origins,
  findings: Findings,
): VpnBuilt {
  const ctx: Context = {
    placements, routers, names, origins, findings, jobs: [], lngRouters: new Map(),
    gateways: new Map(estate.gateways.map((g) => [g.resource.key, g])),
    localGateways: new Map(estate.localGateways.map((g) => [g.resource.key, g])),
  };
  const sorted = [...estate.connections].sort((a, b) => a.resource.name.localeCompare(b.resource.name) || a.resource.key.localeCompare(b.resource.key));
  const connections: VpnConnection[] = [];
  for (const c of sorted.filter((x) => x.connectionType.toLowerCase() === 'ipsec')) {
    const conn = ipsec(c, ctx);
    if (conn) connections.push(origins.set(conn, at(c.resource)));
  }
  connections.push(...vnetToVnet(sorted.filter((x) => x.connectionType.toLowerCase() === 'vnet2vnet'), ctx));
  for (const c of sorted) {
    const type = c.connectionType.toLowerCase();
    if (type !== 'ipsec' && type !== 'vnet2vnet' && type !== 'expressroute') findings.note(at(c.resource), 'not-mapped', `connection type ${c.connectionType} is not modelled`);
  }
  for (const lng of estate.localGateways) {
    const used = estate.connections.some((c) => c.localGatewayId !== undefined && idKey(c.localGatewayId) === lng.resource.key);
    if (!used) findings.note(at(lng.resource), 'not-mapped', 'no connection in the export uses this local network gateway');
  }
  return { connections, lngRouters: [...ctx.lngRouters.values()], jobs: ctx.jobs };
}

/** The VPN gateway a connection names and its site, or a problem. */
function vpnGateway(c: Connection, id: string, ctx: Context): VnetPlacement | undefined {
  const gw = ctx.gateways.get(idKey(id));
  if (!gw) {
    ctx.findings.problem(at(c.resource), `its gateway ${id} is not in the export`, 'export it too: widen the query or add the file');
    return undefined;
  }
  if (gw.gatewayType.toLowerCase() !== 'vpn') {
    ctx.findings.problem(at(c.resource), `its gateway ${gw.resource.name} is a ${gw.gatewayType} gateway, not a VPN one`, 'check the export');
    return undefined;
  }
  const placement = ctx.placements.get(idKey(gw.vnetId));
  return placement?.vpnGateway === gw ? placement : undefined; // a gateway without its VNet is reported where it is placed
}

function ipsec(c: Connection, ctx: Context): VpnConnection | undefined {
  const placement = vpnGateway(c, c.gateway1Id, ctx);
  const lng = c.localGatewayId === undefined ? undefined : ctx.localGateways.get(idKey(c.localGatewayId));
  if (!lng) {
    ctx.findings.problem(at(c.resource), `its local network gateway ${c.localGatewayId ?? '(localNetworkGateway2.id missing)'} is not in the export`, 'export it too: widen the query or add the file');
  }
  if (!placement || !lng) return undefined;
  const name = ctx.names.claim('vpn', c.resource.name);
  return c.enableBgp ? bgpConnection(name, placement, lng, ctx) : staticConnection(c, name, placement, lng, ctx);
}

function bgpConnection(name: string, placement: VnetPlacement, lng: LocalGateway, ctx: Context): VpnConnection | undefined {
  const gw = placement.vpnGateway!;
  const lngAddress = validAddress(lng.bgp?.address);
  const instanceOf = (address: number) => gw.bgpInstances.findIndex((i) => i.some((a) => validAddress(a) === address));
  const claims = ctx.routers.flatMap((router) =>
    lngAddress === undefined || !router.addresses.has(lngAddress) ? [] : router.sessions.filter((s) => instanceOf(s.neighbor.address) >= 0).map((session) => ({ router, session })));
  // The session to the gateway's first instance first: the connection's policy is taken from it.
  claims.sort((a, b) => instanceOf(a.session.neighbor.address) - instanceOf(b.session.neighbor.address));
  const claim = claims[0];
  if (!claim) {
    const router = lngRouter(lng, true, ctx);
    if (!router) return undefined;
    return { name, gateway: placement.site.id, peer: { ce: router.id, ...(lng.bgp?.address !== undefined && { address: lng.bgp.address }) } };
  }
  const peer: VpnPeerCe = { ce: claim.router.id, address: lng.bgp!.address! };
  const connection: VpnConnection = { name, gateway: placement.site.id, peer };
  const activeActive = placement.site.vpnGateway?.instances !== undefined;
  for (const extra of claims.slice(1)) {
    const where = { file: extra.router.file, line: extra.session.neighbor.line };
    const neighbor = formatAddress(extra.session.neighbor.address);
    if (activeActive && extra.router === claim.router && instanceOf(extra.session.neighbor.address) !== instanceOf(claim.session.neighbor.address)) {
      // The other instance's tunnel: the connection runs one per instance, with one policy for both.
      ctx.findings.assume(`vpn ${name}: the tunnel to ${neighbor} (the gateway's other instance) uses the policy of the session with ${formatAddress(claim.session.neighbor.address)} (${extra.router.file} line ${extra.session.neighbor.line})`);
      continue;
    }
    ctx.findings.note(where, 'not-expressible',
      `neighbor ${neighbor}: another session with VPN gateway ${gw.resource.name} over the same connection; the format holds one per gateway instance, so it is not imported`);
  }
  const gatewayAsn = gw.asn ?? AZURE_GATEWAY_ASN;
  const down = claim.session.down
    ?? (claim.session.remoteAs !== gatewayAsn ? `remote-as ${claim.session.remoteAs}, but the gateway's ASN is ${gatewayAsn}` : undefined)
    ?? (lng.bgp?.asn !== undefined && lng.bgp.asn !== claim.router.bgp.asn ? `the local network gateway's ASN is ${lng.bgp.asn}, the router's ${claim.router.bgp.asn}` : undefined);
  if (down !== undefined) {
    connection.enabled = false;
    ctx.findings.assume(`vpn ${name} is imported as disabled: ${down} (${claim.router.file} line ${claim.session.neighbor.line})`);
  }
  ctx.jobs.push({ router: claim.router, session: claim.session, apply: (policy) => { peer.policy = policy; } });
  return connection;
}

function staticConnection(c: Connection, name: string, placement: VnetPlacement, lng: LocalGateway, ctx: Context): VpnConnection | undefined {
  const prefixes = lng.addressPrefixes.filter((p) => prefixProblem(p) === undefined);
  if (prefixes.length === 0) {
    ctx.findings.note(at(c.resource), 'not-mapped', `static connection (no BGP) whose local network gateway ${lng.resource.name} has no IPv4 address space: nothing is routed into it`);
    return undefined;
  }
  const publicAddress = validAddress(lng.gatewayIpAddress);
  const ce = ctx.routers.find((r) => publicAddress !== undefined && r.addresses.has(publicAddress))?.id ?? lngRouter(lng, false, ctx)?.id;
  if (ce === undefined) return undefined;
  return { name, gateway: placement.site.id, peer: { ce }, bgp: false, localNetworkPrefixes: prefixes };
}

/** The router a local network gateway stands for, shared by every connection to the same public address. */
function lngRouter(lng: LocalGateway, bgp: boolean, ctx: Context): LngRouter | undefined {
  const key = lng.gatewayIpAddress ?? lng.resource.key;
  const known = ctx.lngRouters.get(key);
  if (known) return known;
  const bgpAddress = bgp ? lng.bgp?.address : undefined;
  const prefixes = lng.addressPrefixes.filter((p) => prefixProblem(p) === undefined && p !== `${bgpAddress ?? ''}/32`);
  if (prefixes.length === 0) {
    ctx.findings.note(at(lng.resource), 'not-mapped',
      'its address space holds only its BGP peer address, so the prefixes behind it come from its router: give that router\'s configuration; its connections are not imported');
    return undefined;
  }
  const asn = lng.bgp?.asn ?? STATIC_PLACEHOLDER_ASN;
  const routerId = [bgpAddress, lng.gatewayIpAddress].find((a) => validAddress(a) !== undefined) ?? prefixes[0]!.split('/')[0]!;
  const router: LngRouter = { id: ctx.names.claim('node', lng.resource.name), localGateway: lng, asn, routerId, networks: bgp ? prefixes : [], prefixes };
  ctx.findings.assume(
    `on-premises router ${router.id} stands for local network gateway ${lng.resource.name} (no CE configuration matches it): ` +
      `ASN ${asn}${lng.bgp?.asn === undefined ? ' (none in the export; unused without BGP)' : ''}, router id ${routerId}, ` +
      (bgp ? `announcing its address space ${prefixes.join(', ')} over BGP` : `LAN ${prefixes.join(', ')} (static routing)`),
  );
  ctx.lngRouters.set(key, ctx.origins.set(router, at(lng.resource)));
  return router;
}

/**
 * VNet-to-VNet: the two Vnet2Vnet resources of a tunnel (gateway1 and gateway2 swapped) are one failure unit,
 * named after the first by name. It runs BGP when both sides enable it, and is up only when both exist.
 */
function vnetToVnet(connections: readonly Connection[], ctx: Context): VpnConnection[] {
  const pairs = new Map<string, Connection[]>();
  for (const c of connections) {
    if (c.gateway2Id === undefined) {
      ctx.findings.problem(at(c.resource), 'the VNet-to-VNet connection names no second gateway (virtualNetworkGateway2.id)', 'export whole resources, properties included');
      continue;
    }
    const key = [idKey(c.gateway1Id), idKey(c.gateway2Id)].sort().join('\n');
    pairs.set(key, [...(pairs.get(key) ?? []), c]);
  }
  const result: VpnConnection[] = [];
  for (const sides of pairs.values()) {
    // Each side names both gateways: check every side, so that each connection with a missing gateway is named.
    const ends = sides.map((s) => [vpnGateway(s, s.gateway1Id, ctx), vpnGateway(s, s.gateway2Id!, ctx)]);
    const [first] = sides as [Connection];
    const [a, b] = ends[0]!;
    if (ends.flat().some((end) => end === undefined) || !a || !b) continue;
    const name = ctx.names.claim('vpn', first.resource.name);
    const conn: VpnConnection = { name, gateway: a.site.id, peer: { vnet: b.site.id } };
    const bgp = sides.every((s) => s.enableBgp);
    if (!bgp) conn.bgp = false;
    if (!bgp && sides.some((s) => s.enableBgp)) ctx.findings.assume(`vpn ${name} runs without BGP: only one of its two sides enables it`);
    const reverse = sides.some((s) => idKey(s.gateway1Id) === idKey(first.gateway2Id!));
    if (!reverse) {
      conn.enabled = false;
      ctx.findings.assume(`vpn ${name} is imported as disabled: the connection from ${b.site.id} back to ${a.site.id} is not in the export, and a VNet-to-VNet tunnel needs both`);
    }
    if (sides.length > 1) ctx.findings.assume(`vpn ${name} is the VNet-to-VNet tunnel of connections ${sides.map((s) => s.resource.name).join(' and ')}: one failure unit`);
    result.push(ctx.origins.set(conn, at(first.resource)));
  }
  return result;
}

function validAddress(text: string | undefined): number | undefined {
  return text === undefined || addressProblem(text) !== undefined ? undefined : parseAddress(text);
}
