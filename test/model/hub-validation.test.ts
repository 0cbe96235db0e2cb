import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/model/issue.js';
import { validateTopology } from '../../src/model/validate.js';
import { expectWellFormed } from './well-formed.js';

/**
 * Validation of subnets, route tables, appliances and Route Server: each mistake is reported at the field that
 * makes it, with a hint, on copies of the hub rule cases (valid as they are) changed in one place.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const load = (name: string) => (): Json => JSON.parse(readFileSync(new URL(`../cases/${name}.json`, import.meta.url), 'utf8'));
const firewallHub = load('hub-firewall-gateway-subnet'); // sites: hub (appliance azfw), spoke, dc
const routeServerHub = load('route-server-default-route'); // sites: hub (Route Server, appliance nva), spoke1, spoke2, far
const branchToBranch = load('route-server-branch-to-branch'); // sites: hub (ER, VPN, Route Server), dc, branch

function issuesOf(value: unknown): Issue[] {
  const r = validateTopology(value);
  const issues = r.ok ? r.warnings : r.issues;
  issues.forEach(expectWellFormed);
  return issues;
}

/** The one issue at `path` whose message contains `text`; its hint must say what to do. */
function expectIssue(value: unknown, path: string, text: string, severity: Issue['severity'] = 'error'): Issue {
  const issues = issuesOf(value);
  const found = issues.filter((i) => i.path === path && i.severity === severity && i.message.includes(text));
  expect(found, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return found[0]!;
}

describe('the hub cases', () => {
  it.each(['hub-firewall-gateway-subnet', 'route-server-default-route', 'route-server-branch-to-branch', 'subnet-none-route', 'appliance-failure-blackhole'])(
    '%s is valid without warnings', (name) => {
      expect(issuesOf(load(name)())).toEqual([]);
    },
  );
});

describe('the mistakes the issue names', () => {
  it('an appliance address outside its subnet', () => {
    const t = firewallHub();
    t.sites[0].appliances[0].instances[0].address = '10.5.2.9';
    const issue = expectIssue(t, '$.sites[0].appliances[0].instances[0].address', 'appliance address "10.5.2.9" is outside its subnet "AzureFirewallSubnet" (10.5.0.0/26)');
    expect(issue.hint).toContain('10.5.0.0/26');
  });

  it('a route table on a subnet that does not exist, with the closest name', () => {
    const t = firewallHub();
    t.routeTables[0].subnets = ['hub/GatewaySubnett'];
    const issue = expectIssue(t, '$.routeTables[0].subnets[0]', 'the route table is on subnet "GatewaySubnett" of "hub", which does not exist');
    expect(issue.hint).toContain('"GatewaySubnet"');
  });

  it('a route table on a VNet that does not exist, or one that lists no subnets', () => {
    const t = firewallHub();
    t.routeTables[0].subnets = ['hubb/GatewaySubnet', 'dc/lan'];
    expect(expectIssue(t, '$.routeTables[0].subnets[0]', 'no VNet has the id "hubb"').hint).toContain('"hub"');
    expectIssue(t, '$.routeTables[0].subnets[1]', '"dc" is an on-premises site, not a VNet');
    const u = firewallHub();
    delete u.sites[1].subnets;
    expectIssue(u, '$.routeTables[1].subnets[0]', '"spoke" lists no subnets');
  });

  it('a Route Server without its subnet', () => {
    const t = routeServerHub();
    t.sites[0].subnets = t.sites[0].subnets.filter((s: Json) => s.name !== 'RouteServerSubnet');
    expect(expectIssue(t, '$.sites[0].routeServer', '"hub" has a Route Server but no RouteServerSubnet').hint).toContain('RouteServerSubnet');
  });

  it('branch-to-branch without a gateway', () => {
    const t = routeServerHub();
    t.sites[0].routeServer.branchToBranch = true;
    expectIssue(t, '$.sites[0].routeServer.branchToBranch', 'branch-to-branch exchanges routes with the gateways of "hub", and it has none');
  });
});

describe('subnets and route tables', () => {
  it('a subnet outside the address space, and two that overlap', () => {
    const t = firewallHub();
    t.sites[0].subnets.push({ name: 'far', prefix: '10.9.0.0/24' }, { name: 'inside-vms', prefix: '10.5.2.128/25' });
    expectIssue(t, '$.sites[0].subnets[3].prefix', 'subnet "far" is outside the address space of "hub"');
    expectIssue(t, '$.sites[0].subnets[4].prefix', 'subnet "inside-vms" overlaps subnet "vms"');
  });

  it('a VNet-wide routeTable on a VNet that lists its subnets', () => {
    const t = firewallHub();
    t.sites[1].routeTable = { routes: [] };
    expectIssue(t, '$.sites[1].routeTable', 'cannot say which subnet it is on');
  });

  it('a subnet in two tables, and a table on the RouteServerSubnet', () => {
    const t = firewallHub();
    t.routeTables[1].subnets.push('hub/GatewaySubnet');
    expectIssue(t, '$.routeTables[1].subnets[1]', 'subnet "hub/GatewaySubnet" already has a route table, at $.routeTables[0].subnets[0]');
    const u = routeServerHub();
    u.routeTables[0].subnets = ['hub/RouteServerSubnet'];
    expectIssue(u, '$.routeTables[0].subnets[0]', 'the RouteServerSubnet cannot have a route table');
  });

  it('warns of a GatewaySubnet table that stops BGP propagation or holds 0.0.0.0/0', () => {
    const t = firewallHub();
    t.routeTables[0].disableBgpRoutePropagation = true;
    t.routeTables[0].routes.push({ name: 'default', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopAddress: '10.5.0.4' });
    expectIssue(t, '$.routeTables[0].disableBgpRoutePropagation', 'the gateway won\'t function', 'warning');
    expectIssue(t, '$.routeTables[0].routes[1].prefix', 'can prevent the gateway from functioning', 'warning');
  });

  it('checks a table\'s next hops for every VNet it is on', () => {
    const t = firewallHub();
    t.routeTables[1].routes.push({ name: 'vpn', prefix: '10.0.0.0/8', nextHopType: 'VirtualNetworkGateway' });
    expectIssue(t, '$.routeTables[1].routes[1].nextHopType', '"spoke" has no VPN gateway');
  });

  it('a test address in the GatewaySubnet, and one in a subnet with another table', () => {
    const t = firewallHub();
    t.sites[0].testAddresses = ['10.5.1.9'];
    expectIssue(t, '$.sites[0].testAddresses[0]', 'is in the GatewaySubnet, where Azure places no VM');
    const u = firewallHub();
    u.sites[1].subnets.push({ name: 'other', prefix: '10.6.1.0/24' });
    u.sites[1].testAddresses.push('10.6.1.4');
    expectIssue(u, '$.sites[1].testAddresses[1]', 'in a subnet with another route table than the first test address\'s (SN-Workload)', 'warning');
  });
});

describe('appliances', () => {
  it('a subnet the VNet does not have, or one Azure keeps for itself', () => {
    const t = firewallHub();
    t.sites[0].appliances[0].subnet = 'AzureFirewalSubnet';
    expect(expectIssue(t, '$.sites[0].appliances[0].subnet', '"hub" has no subnet "AzureFirewalSubnet"').hint).toContain('"AzureFirewallSubnet"');
    const u = firewallHub();
    u.sites[0].appliances[0].subnet = 'GatewaySubnet';
    expectIssue(u, '$.sites[0].appliances[0].subnet', 'an appliance cannot be in the GatewaySubnet');
  });

  it('a name that is a unit id already, or a node name of the hub\'s', () => {
    const t = firewallHub();
    t.sites[0].appliances.push({ name: 'azfw', subnet: 'AzureFirewallSubnet', instances: [{ address: '10.5.0.5' }] });
    t.sites[0].appliances.push({ name: 'ergw', subnet: 'AzureFirewallSubnet', instances: [{ address: '10.5.0.6' }] });
    expectIssue(t, '$.sites[0].appliances[1].name', 'appliance name "azfw" is already used');
    expectIssue(t, '$.sites[0].appliances[2].name', 'would name the same node as a part of "hub" (hub/ergw)');
  });

  it('two instances with one address, and a load balancer outside the VNet', () => {
    const t = firewallHub();
    t.sites[0].appliances[0].instances.push({ address: '10.5.0.4' });
    t.sites[0].appliances[0].loadBalancerAddress = '10.9.0.4';
    expectIssue(t, '$.sites[0].appliances[0].instances[1].address', 'address "10.5.0.4" is already an appliance interface');
    expectIssue(t, '$.sites[0].appliances[0].loadBalancerAddress', 'is outside "hub"');
  });

  it('an ASN the Route Server refuses, and announcements no peering carries', () => {
    const t = routeServerHub();
    t.sites[0].appliances[0].bgp.asn = 65515;
    expect(expectIssue(t, '$.sites[0].appliances[0].bgp.asn', 'ASN 65515 is reserved').hint).toContain('Route Server\'s own ASN');
    const u = routeServerHub();
    u.sites[0].routeServer.peerings = [];
    expectIssue(u, '$.sites[0].appliances[0].bgp', 'no Route Server peering names an instance of this appliance', 'warning');
  });
});

describe('Route Server', () => {
  it('a peering to no appliance, or to one without BGP, or twice to one', () => {
    const t = routeServerHub();
    t.sites[0].routeServer.peerings[1].peerAddress = '10.100.1.9';
    expect(expectIssue(t, '$.sites[0].routeServer.peerings[1].peerAddress', 'no appliance instance of "hub" has the address "10.100.1.9"').hint).toContain('10.100.1.4');
    const u = routeServerHub();
    delete u.sites[0].appliances[0].bgp;
    expectIssue(u, '$.sites[0].routeServer.peerings[0].peerAddress', 'appliance "nva" runs no BGP');
    const v = routeServerHub();
    v.sites[0].routeServer.peerings[1].peerAddress = '10.100.1.4';
    expectIssue(v, '$.sites[0].routeServer.peerings[1].peerAddress', '"10.100.1.4" is already peered');
  });

  it('peer addresses outside the RouteServerSubnet', () => {
    const t = routeServerHub();
    t.sites[0].routeServer.peerAddresses[1] = '10.100.0.5';
    expectIssue(t, '$.sites[0].routeServer.peerAddresses[1]', 'Route Server address "10.100.0.5" is outside its RouteServerSubnet');
  });

  it('branch-to-branch with a VPN gateway that is not AS 65515 (an error) or not active-active (a warning)', () => {
    const t = branchToBranch();
    t.sites[0].vpnGateway.asn = 65100;
    expectIssue(t, '$.sites[0].vpnGateway.asn', 'must have ASN 65515, not 65100');
    const u = branchToBranch();
    u.sites[0].vpnGateway = { asn: 65515, bgpAddress: '10.30.255.30' };
    expectIssue(u, '$.sites[0].vpnGateway', 'must be active-active', 'warning');
  });

  it('a routing preference without branch-to-branch decides nothing', () => {
    const t = routeServerHub();
    t.sites[0].routeServer.routingPreference = 'ASPath';
    expectIssue(t, '$.sites[0].routeServer.routingPreference', 'decides nothing without branch-to-branch', 'warning');
  });

  it('lets spokes use a hub\'s Route Server over their peerings, as a gateway', () => {
    expect(issuesOf(routeServerHub()).filter((i) => i.path.startsWith('$.peerings'))).toEqual([]);
  });
});
