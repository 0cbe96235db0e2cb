import { error, warning, type Issue } from '../issue.js';
import { each, type Model } from './model.js';
import { knownHint, refCe, refVnet } from './references.js';
import { firstSeen, pairKey } from './seen.js';

/**
 * An ExpressRoute circuit has one primary and one secondary link (Microsoft's two edge routers), each ending at
 * an existing CE router. It reaches a VNet through a connection to the VNet's ExpressRoute gateway, which
 * Azure cannot create without one, and one connection per VNet is all a circuit needs.
 */
export function circuitIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const [circuit, path] of each(m.t.erCircuits, '$.erCircuits')) {
    const name = circuit.name ?? path;
    const roleSeen = firstSeen();
    for (const [link, linkPath] of each(circuit.links, `${path}.links`)) {
      refCe(m, link.ce, `${linkPath}.ce`, issues);
      const earlier = link.role === undefined ? undefined : roleSeen(link.role, linkPath);
      if (earlier === undefined) continue;
      issues.push(
        error(
          `${linkPath}.role`,
          `circuit "${name}" already has a ${link.role} link at ${earlier}`,
          'a circuit has one primary and one secondary link',
        ),
      );
    }
    const vnetSeen = firstSeen();
    for (const [conn, connPath] of each(circuit.connections, `${path}.connections`)) {
      refVnet(m, conn.vnet, `${connPath}.vnet`, issues, 'erGateway');
      const earlier = conn.vnet === undefined ? undefined : vnetSeen(conn.vnet, connPath);
      if (earlier === undefined) continue;
      issues.push(
        error(
          `${connPath}.vnet`,
          `circuit "${name}" already connects "${conn.vnet}" at ${earlier}`,
          'a circuit connects to a VNet once: keep one connection',
        ),
      );
    }
  }
  return issues;
}

/**
 * Global Reach joins two different existing circuits, so that their on-premises sites reach each other through
 * Microsoft's edge. A second Global Reach connection between the same pair adds only a failure unit whose
 * failure changes nothing, so it is a warning.
 */
export function globalReachIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  const pairSeen = firstSeen();
  for (const [gr, path] of each(m.t.globalReach, '$.globalReach')) {
    const circuits = gr.circuits;
    if (!circuits || circuits.length !== 2) continue;
    const [a, b] = circuits;
    if (a !== undefined && a === b) {
      issues.push(
        error(
          `${path}.circuits[1]`,
          `Global Reach joins two different circuits, not "${a}" with itself`,
          'name two different circuits',
        ),
      );
      continue;
    }
    circuits.forEach((name, k) => {
      if (name === undefined || m.circuits.has(name)) return;
      const hint = knownHint(m, name, m.vocabulary.circuits, 'circuits');
      issues.push(error(`${path}.circuits[${k}]`, `no circuit has the name "${name}"`, hint));
    });
    if (a === undefined || b === undefined) continue;
    const earlier = pairSeen(pairKey(a, b), path);
    if (earlier === undefined) continue;
    issues.push(
      warning(
        path,
        `circuits "${a}" and "${b}" are already joined at ${earlier}`,
        'keep one Global Reach connection per pair',
      ),
    );
  }
  return issues;
}
