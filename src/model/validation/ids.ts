import { error, warning, type Issue } from '../issue.js';
import { each, type CeInfo, type Model } from './model.js';
import { firstSeen } from './seen.js';

/**
 * Site ids and CE router ids must be unique, and share one namespace: both name nodes of the network (in
 * results, in traces, in references from peerings, connections and links), so one id naming two of them would
 * make every reference to it ambiguous.
 */
export function nodeIdIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const seen = firstSeen<{ path: string; what: string }>();
  const claim = (id: string | undefined, path: string, what: string): void => {
    const earlier = id === undefined ? undefined : seen(id, { path, what });
    if (!earlier) return;
    const hint =
      earlier.what === what
        ? `give each ${what} its own id`
        : 'sites and CE routers both name nodes, so their ids must differ';
    issues.push(error(`${path}.id`, `id "${id}" is already used by the ${earlier.what} at ${earlier.path}`, hint));
  };
  for (const [site, path] of each(m.t.sites, '$.sites')) {
    claim(site.id, path, 'site');
    if (site.kind === 'onprem') {
      for (const [ce, cePath] of each(site.routers, `${path}.routers`)) claim(ce.id, cePath, 'CE router');
    }
  }
  return issues;
}

/** The named things, how an issue calls them, and whether their names are failure unit ids (kind:name). */
const NAMED = {
  peering: { what: 'peering', unit: true },
  vpn: { what: 'VPN connection', unit: true },
  'er-link': { what: 'ExpressRoute link', unit: true },
  'er-conn': { what: 'ExpressRoute connection', unit: true },
  circuit: { what: 'circuit', unit: false },
  'global-reach': { what: 'Global Reach connection', unit: true },
  route: { what: 'route', unit: false },
} as const;

type NamedKind = keyof typeof NAMED;

/**
 * Names that must be unique among their kind. Azure resource names are unique within their scope (a route in
 * its route table, a circuit in its resource group), and here the names of peerings, VPN connections, ER links
 * and connections and Global Reach connections are also the failure unit ids that --fail and the results use.
 */
export function unitNameIssues(m: Model): Issue[] {
  const circuits = each(m.t.erCircuits, '$.erCircuits');
  const issues = [
    ...duplicateNames(each(m.t.peerings, '$.peerings'), 'peering'),
    ...duplicateNames(each(m.t.vpnConnections, '$.vpnConnections'), 'vpn'),
    ...duplicateNames(circuits.flatMap(([c, path]) => each(c.links, `${path}.links`)), 'er-link'),
    ...duplicateNames(circuits.flatMap(([c, path]) => each(c.connections, `${path}.connections`)), 'er-conn'),
    ...duplicateNames(circuits, 'circuit'),
    ...duplicateNames(each(m.t.globalReach, '$.globalReach'), 'global-reach'),
  ];
  for (const v of m.vnets) {
    issues.push(...duplicateNames(each(v.site.routeTable?.routes, `${v.path}.routeTable.routes`), 'route'));
    for (const [appliance, path] of each(v.site.appliances, `${v.path}.appliances`)) {
      issues.push(...duplicateNames(each(appliance.routes, `${path}.routes`), 'route'));
    }
  }
  for (const [table, path] of each(m.t.routeTables, '$.routeTables')) issues.push(...duplicateNames(each(table.routes, `${path}.routes`), 'route'));
  return issues;
}

type Named = readonly [{ name?: string | undefined }, string];

function duplicateNames(items: readonly Named[], kind: NamedKind): Issue[] {
  const issues: Issue[] = [];
  const seen = firstSeen();
  const { what, unit } = NAMED[kind];
  for (const [item, path] of items) {
    const earlier = item.name === undefined ? undefined : seen(item.name, path);
    if (earlier === undefined) continue;
    const hint = unit ? `failure unit ids (${kind}:<name>) must be unique` : `give each ${what} its own name`;
    issues.push(error(`${path}.name`, `${what} name "${item.name}" is already used at ${earlier}`, hint));
  }
  return issues;
}

/**
 * Every BGP speaker is meant to have its own router id (RFC 4271's BGP Identifier), and best-path selection
 * breaks a late tie on it, where two CE routers with one id cannot be told apart. A warning, as a design
 * may copy a router's configuration on purpose.
 */
export function routerIdIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const seen = firstSeen<CeInfo>();
  for (const ce of m.ces) {
    const rid = ce.ce.routerId;
    if (rid === undefined || m.ip.validAddress(rid) === undefined) continue;
    const earlier = seen(rid, ce);
    if (!earlier) continue;
    issues.push(
      warning(
        `${ce.path}.routerId`,
        `router id "${rid}" is also used by CE router "${earlier.id}"`,
        'give each BGP speaker its own router id',
      ),
    );
  }
  return issues;
}
