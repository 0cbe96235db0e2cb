import type { CompiledTopology } from '../model/compiled.js';
import type { Route } from './route.js';

/**
 * Azure's None routes for the reserved ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10) stand
 * only while the subnet's 0.0.0.0/0 is its default route to the Internet: "Azure removed the routes for the
 * 10.0.0.0/8, 192.168.0.0/16, and 100.64.0.0/10 address prefixes from the Subnet1 route table when the
 * user-defined route for the 0.0.0.0/0 address prefix was added" (virtual-networks-udr-overview, routing
 * example). A default route a Route Server injects does the same: it draws spoke-to-spoke traffic, private
 * addresses, to the appliance (route-injection-in-spokes, "Inspecting private traffic through the NVA").
 * The rule spans two prefixes, so it applies where a whole table is read: the FIB and `whatif routes`.
 */
export function reservedRoutesRemoved(
  topology: CompiledTopology, installed: (prefix: number, node: number) => readonly Route[] | undefined, node: number,
): boolean {
  const route = installed(topology.defaults.internet, node)?.[0];
  return route !== undefined && route.source !== 'default';
}
