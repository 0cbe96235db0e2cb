import { warning, type Issue } from '../issue.js';
import { each, type Model } from './model.js';

/**
 * Parts of a design that Azure accepts but that carry no traffic: an on-premises site without CE routers
 * cannot reach Azure, a CE router without an ExpressRoute link or VPN connection is never used, and a circuit
 * without connections or links joins nothing. Each is most likely work in progress, so a warning.
 */
export function unconnectedIssues(m: Model): Issue[] {
  return [...sitesWithoutRouters(m), ...emptyCircuits(m), ...unusedCeRouters(m)];
}

function sitesWithoutRouters(m: Model): Issue[] {
  return m.onprems
    .filter((o) => o.site.routers?.length === 0)
    .map((o) =>
      warning(`${o.path}.routers`, `site "${o.id}" has no CE router: it cannot reach Azure`, 'add its CE routers'),
    );
}

function emptyCircuits(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const [circuit, path] of each(m.t.erCircuits, '$.erCircuits')) {
    const name = circuit.name ?? path;
    if (circuit.connections?.length === 0) {
      issues.push(
        warning(
          `${path}.connections`,
          `circuit "${name}" has no connections: no VNet is reached over it`,
          "connect it to a VNet's ER gateway, or remove it",
        ),
      );
    }
    if (circuit.links?.length === 0) {
      issues.push(
        warning(
          `${path}.links`,
          `circuit "${name}" has no links: no CE router reaches it`,
          'add its primary and secondary links, or remove it',
        ),
      );
    }
  }
  return issues;
}

function unusedCeRouters(m: Model): Issue[] {
  const used = new Set<string>();
  for (const [circuit] of each(m.t.erCircuits, '$.erCircuits')) {
    for (const link of circuit.links ?? []) if (link?.ce !== undefined) used.add(link.ce);
  }
  for (const [c] of each(m.t.vpnConnections, '$.vpnConnections')) {
    if (c.peer && 'ce' in c.peer && c.peer.ce !== undefined) used.add(c.peer.ce);
  }
  return m.ces
    .filter((ce) => !used.has(ce.id))
    .map((ce) =>
      warning(
        ce.path,
        `CE router "${ce.id}" has no ExpressRoute link and no VPN connection`,
        'connect it with an ER link or a VPN connection, or remove it',
      ),
    );
}
