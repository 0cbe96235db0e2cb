import { error, warning, type Issue } from '../issue.js';
import { each, type Model, type VnetInfo } from './model.js';
import { firstOverlaps } from './prefix-groups.js';
import { refVnet } from './references.js';
import { firstSeen, pairKey } from './seen.js';

/**
 * VNet peering, as Azure allows it: between two different existing VNets, at most once per pair, and only when
 * their address spaces do not overlap (the peering could not route the overlap, so Azure refuses to create it).
 * Gateway transit: a VNet may "use remote gateways" only over one peering, only when it has no gateway of its
 * own, and only when the other side has a gateway or a Route Server ("Use the remote virtual network's gateway
 * or Route Server") and allows transit; allowing transit without either is accepted by Azure but does nothing,
 * so it is a warning.
 */
export function peeringIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const pairSeen = firstSeen();
  const remoteUser = firstSeen(); // VNet id -> peering path where it uses remote gateways
  for (const [peering, path] of each(m.t.peerings, '$.peerings')) {
    const sides = peering.sides;
    if (!sides || sides.length !== 2) continue;
    const [a, b] = sides;
    if (a?.vnet !== undefined && a.vnet === b?.vnet) {
      issues.push(
        error(
          `${path}.sides[1].vnet`,
          `a VNet cannot peer with itself ("${a.vnet}")`,
          'name two different VNets',
        ),
      );
      continue;
    }
    const vnets = sides.map((side, s) => refVnet(m, side?.vnet, `${path}.sides[${s}].vnet`, issues));
    if (a?.vnet !== undefined && b?.vnet !== undefined) {
      const earlier = pairSeen(pairKey(a.vnet, b.vnet), path);
      if (earlier !== undefined) {
        const message = `"${a.vnet}" and "${b.vnet}" are already peered at ${earlier}`;
        issues.push(error(path, message, 'two VNets have at most one peering: keep one'));
      }
    }
    const [va, vb] = vnets;
    if (va && vb) issues.push(...peeredOverlap(va, vb, path));
    sides.forEach((side, s) => {
      if (!side) return;
      const own = vnets[s];
      const other = vnets[1 - s];
      const otherSide = sides[1 - s];
      const sidePath = `${path}.sides[${s}]`;
      if (side.useRemoteGateways === true) {
        issues.push(...remoteGatewayIssues(m, { own, other, otherSide, sidePath, path, remoteUser }));
      }
      if (side.allowGatewayTransit === true && own && !m.uncertain.has(own.id) && !hasGateway(own)) {
        issues.push(
          warning(
            `${sidePath}.allowGatewayTransit`,
            `"${own.id}" has no gateway or Route Server, so allowing gateway transit has no effect`,
            `remove allowGatewayTransit, or add a gateway to "${own.id}"`,
          ),
        );
      }
    });
  }
  return issues;
}

function hasGateway(v: VnetInfo): boolean {
  return v.site.erGateway !== undefined || v.site.vpnGateway !== undefined || v.site.routeServer !== undefined;
}

function gatewayNames(v: VnetInfo): string {
  const names = [v.site.erGateway && 'an ExpressRoute gateway', v.site.vpnGateway && 'a VPN gateway', v.site.routeServer && 'a Route Server'];
  return names.filter(Boolean).join(' and ');
}

function peeredOverlap(a: VnetInfo, b: VnetInfo, path: string): Issue[] {
  const found = firstOverlaps(a.space, b.space);
  const k = found.findIndex((pb) => pb !== undefined);
  const [pa, pb] = [a.space[k], found[k]];
  if (pa && pb) {
    return [
      error(
        path,
        `the address spaces of "${a.id}" (${pa.text}) and "${b.id}" (${pb.text}) overlap`,
        'peered VNets need address spaces that do not overlap: renumber one of them',
      ),
    ];
  }
  return [];
}

interface RemoteGatewayContext {
  own: VnetInfo | undefined;
  other: VnetInfo | undefined;
  otherSide: { allowGatewayTransit?: boolean | undefined } | undefined;
  sidePath: string;
  path: string;
  remoteUser: (vnet: string, path: string) => string | undefined;
}

/** "Use remote gateways": needs transit allowed by a VNet that has a gateway, no own gateway, one peering only. */
function remoteGatewayIssues(m: Model, c: RemoteGatewayContext): Issue[] {
  const issues: Issue[] = [];
  const at = `${c.sidePath}.useRemoteGateways`;
  const { own, other } = c;
  if (own && !m.uncertain.has(own.id)) {
    if (hasGateway(own)) {
      issues.push(
        error(
          at,
          `"${own.id}" has ${gatewayNames(own)} of its own, so it cannot use remote gateways`,
          `remove useRemoteGateways, or remove the gateway of "${own.id}"`,
        ),
      );
    }
    const earlier = c.remoteUser(own.id, c.path);
    if (earlier !== undefined) {
      const message = `"${own.id}" already uses remote gateways over ${earlier}`;
      issues.push(error(at, message, 'a VNet can use remote gateways over one peering only'));
    }
  }
  if (other && !m.uncertain.has(other.id)) {
    if (!hasGateway(other)) {
      issues.push(
        error(
          at,
          `"${other.id}" has no gateway to share, nor a Route Server`,
          `add an erGateway, vpnGateway or routeServer to "${other.id}", or remove useRemoteGateways`,
        ),
      );
    } else if (c.otherSide?.allowGatewayTransit !== true) {
      issues.push(
        error(
          at,
          `"${other.id}" does not allow gateway transit on this peering`,
          `set allowGatewayTransit true on the "${other.id}" side, or remove useRemoteGateways`,
        ),
      );
    }
  }
  return issues;
}
