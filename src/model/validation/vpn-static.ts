import { error, warning, type Issue } from '../issue.js';
import type { LooseVpnConnection } from './loose.js';
import { each, type Model } from './model.js';

/**
 * A VPN connection either runs BGP (the default) or is static, and its fields must match. Local network
 * prefixes and static routes toward the peer only mean something on a static connection, so on a BGP one they
 * are an error (the user meant one or the other). A static connection to a CE router needs local network
 * prefixes: they are the only way Azure learns what lies behind the tunnel. A BGP policy on a static
 * connection does nothing, which is a warning.
 */
export function vpnStaticIssues(m: Model): Issue[] {
  const issues: Issue[] = [];
  for (const [c, path] of each(m.t.vpnConnections, '$.vpnConnections')) {
    if (c.bgp !== false) issues.push(...staticFieldsOnBgp(c, path));
    else issues.push(...staticCeIssues(m, c, path));
  }
  return issues;
}

function staticFieldsOnBgp(c: LooseVpnConnection, path: string): Issue[] {
  return (['localNetworkPrefixes', 'peerStaticRoutes'] as const)
    .filter((field) => c[field] !== undefined)
    .map((field) =>
      error(
        `${path}.${field}`,
        `"${field}" is for static connections, but this connection runs BGP`,
        `set bgp false, or remove ${field}`,
      ),
    );
}

function staticCeIssues(m: Model, c: LooseVpnConnection, path: string): Issue[] {
  const peer = c.peer;
  if (!peer || !('ce' in peer)) return [];
  const issues: Issue[] = [];
  const prefixes = c.localNetworkPrefixes;
  const none = prefixes === undefined || prefixes.length === 0;
  if (none && !m.tainted.has(`${path}.localNetworkPrefixes`)) {
    issues.push(
      error(
        `${path}.localNetworkPrefixes`,
        'a static connection to a CE router needs at least one local network prefix',
        'list the on-premises prefixes Azure routes into the tunnel, or set bgp true',
      ),
    );
  }
  if (peer.policy !== undefined) {
    issues.push(
      warning(
        `${path}.peer.policy`,
        'the connection runs no BGP, so the policy has no effect',
        'set bgp true, or remove policy',
      ),
    );
  }
  return issues;
}
