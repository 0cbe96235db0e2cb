import { describe, expect, it } from 'vitest';
import { compileTopology } from '../../src/model/compile.js';
import { formatAddress } from '../../src/model/prefix.js';
import type { ErCircuit, Topology } from '../../src/model/topology.js';
import { validateTopology } from '../../src/model/validate.js';
import { createEngine } from '../../src/analysis/engine.js';
import { designFindings, type DesignFinding } from '../../src/analysis/design-findings.js';

/**
 * The documented limits a design review checks (azure-routing-rules.md section 7), each on a topology built to
 * sit one past the limit and one at it; the counts follow from the construction.
 */
function findingsOf(topology: Topology): DesignFinding[] {
  const result = validateTopology(JSON.parse(JSON.stringify(topology)));
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  const compiled = compileTopology(result.topology);
  const engine = createEngine(compiled);
  return designFindings(compiled, { control: engine.control, routing: engine.baseline.routing });
}

const ids = (findings: DesignFinding[]): string[] => findings.map((f) => f.id);

/** `count` /24s from 10.<second>.0.0 on: distinct prefixes to announce. */
function prefixes(second: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${formatAddress(((10 << 24) | (second << 16)) + i * 256)}/24`);
}

/** A hub with an ER gateway, one on-prem site whose CE announces `networks`, circuits built by `circuit`. */
function estate(options: { networks?: string[]; circuits?: (i: number) => ErCircuit; circuitCount?: number; hubSpaces?: string[] }): Topology {
  const networks = options.networks ?? ['172.16.0.0/24'];
  return {
    name: 'limits',
    sites: [
      { kind: 'vnet', id: 'hub', addressSpace: options.hubSpaces ?? ['10.0.0.0/24'], testAddresses: ['10.0.0.4'], erGateway: {}, vpnGateway: {} },
      {
        kind: 'onprem', id: 'dc', prefixes: networks, testAddresses: [`${networks[0]!.split('/')[0]!.replace(/\.0$/, '.10')}`],
        routers: [{ id: 'dc-ce', asn: 65001, routerId: '172.16.255.1', networks }],
      },
    ],
    erCircuits: Array.from({ length: options.circuitCount ?? 1 }, (_, i) => options.circuits?.(i) ?? twoLinkCircuit(i, 'Standard')),
  };
}

function twoLinkCircuit(i: number, sku: 'Standard' | 'Premium', connections = 1, bandwidthMbps?: number): ErCircuit {
  return {
    name: `c${i}`, sku, ...(bandwidthMbps ? { bandwidthMbps } : {}),
    links: [
      { name: `c${i}-primary`, role: 'primary', ce: 'dc-ce' },
      { name: `c${i}-secondary`, role: 'secondary', ce: 'dc-ce' },
    ],
    connections: Array.from({ length: connections }, (_, k) => ({ name: `c${i}-hub-${k}`, vnet: k === 0 ? 'hub' : `v${k}` })),
  };
}

/** A topology whose first circuit connects to the hub and to `count - 1` more VNets (each with an ER gateway). */
function linkedTo(count: number, circuit: (i: number) => ErCircuit): Topology {
  const topology = estate({ circuits: circuit });
  for (let k = 1; k < count; k++) {
    topology.sites.push({ kind: 'vnet', id: `v${k}`, addressSpace: [`10.${100 + Math.floor(k / 200)}.${k % 200}.0/24`], testAddresses: [`10.${100 + Math.floor(k / 200)}.${k % 200}.4`], erGateway: {} });
  }
  return topology;
}

describe('design findings for documented limits', () => {
  it('a circuit on one link voids the availability SLA', () => {
    const topology = estate({ circuits: (i) => ({ ...twoLinkCircuit(i, 'Standard'), links: [{ name: 'c0-primary', role: 'primary', ce: 'dc-ce' }] }) });
    const [finding] = findingsOf(topology);
    expect(finding).toMatchObject({ id: 'single-link-circuit', severity: 'warning', objects: ['c0', 'er-link:c0-primary'] });
    expect(finding!.source).toContain('learn.microsoft.com/azure/expressroute/expressroute-routing');
  });

  it('VNet links per circuit: 10 on Standard; on Premium by bandwidth (20 at 50 Mbps), 100 when the size is not given', () => {
    expect(ids(findingsOf(linkedTo(10, (i) => twoLinkCircuit(i, 'Standard', 10))))).toEqual([]);
    const standard = findingsOf(linkedTo(11, (i) => twoLinkCircuit(i, 'Standard', 11)));
    expect(standard).toMatchObject([{ id: 'vnet-links-per-circuit', severity: 'error', objects: expect.arrayContaining(['c0', 'er-conn:c0-hub-10']) }]);
    expect(standard[0]!.message).toContain('11 VNet links');
    expect(standard[0]!.message).toContain('the 10 a Standard circuit allows');
    expect(ids(findingsOf(linkedTo(20, (i) => twoLinkCircuit(i, 'Premium', 20, 50))))).toEqual([]);
    expect(findingsOf(linkedTo(21, (i) => twoLinkCircuit(i, 'Premium', 21, 50)))[0]!.message).toContain('the 20 a Premium circuit allows');
    expect(ids(findingsOf(linkedTo(100, (i) => twoLinkCircuit(i, 'Premium', 100))))).toEqual([]);
    expect(findingsOf(linkedTo(101, (i) => twoLinkCircuit(i, 'Premium', 101)))[0]!.message).toContain('set bandwidthMbps');
  });

  it('private peering: a CE announcing 4,001 prefixes over a Standard circuit is over; 4,000 is not, nor 4,001 on Premium', () => {
    expect(ids(findingsOf(estate({ networks: prefixes(20, 4000) })))).toEqual([]);
    const over = findingsOf(estate({ networks: prefixes(20, 4001) }));
    // Both sessions of the circuit carry them.
    expect(over.map((f) => [f.id, f.objects])).toEqual([
      ['private-peering-route-limit', ['er-link:c0-primary', 'dc-ce']],
      ['private-peering-route-limit', ['er-link:c0-secondary', 'dc-ce']],
    ]);
    expect(over[0]!.message).toContain('4,001 prefixes');
    expect(ids(findingsOf(estate({ networks: prefixes(20, 4001), circuits: (i) => twoLinkCircuit(i, 'Premium') })))).toEqual([]);
  });

  it('an ER gateway advertising more than 1,000 prefixes over one connection', () => {
    // The hub's own address spaces are what its ER gateway advertises.
    expect(ids(findingsOf(estate({ hubSpaces: prefixes(0, 1000) })))).toEqual([]);
    const over = findingsOf(estate({ hubSpaces: prefixes(0, 1001) }));
    expect(over.map((f) => [f.id, f.objects])).toEqual([['connection-route-limit', ['er-conn:c0-hub-0', 'hub/ergw']]]);
  });

  it('a VPN peer announcing more than 4,000 prefixes', () => {
    const withVpn = (count: number): Topology => ({
      ...estate({ networks: prefixes(20, count) }), erCircuits: [],
      vpnConnections: [{ name: 'hub-dc', gateway: 'hub', peer: { ce: 'dc-ce' } }],
    });
    expect(ids(findingsOf(withVpn(4000)))).toEqual([]);
    expect(findingsOf(withVpn(4001)).map((f) => [f.id, f.objects])).toEqual([['vpn-peer-route-limit', ['vpn:hub-dc', 'dc-ce']]]);
  });

  it('more than four circuits of equal preference for a prefix at one ER gateway', () => {
    // One CE on five circuits, each connected to the hub with weight 0: five equal [12076 65001] routes.
    expect(findingsOf(estate({ circuitCount: 5 })).map((f) => [f.id, f.objects])).toEqual([['ecmp-circuit-limit', ['hub/ergw', 'c0', 'c1', 'c2', 'c3', 'c4']]]);
    expect(ids(findingsOf(estate({ circuitCount: 4 })))).toEqual([]);
  });

  it('CE routers of two on-premises sites sharing an ASN', () => {
    const topology = estate({});
    topology.sites.push({ kind: 'onprem', id: 'dc2', prefixes: ['172.17.0.0/24'], testAddresses: ['172.17.0.10'], routers: [{ id: 'dc2-ce', asn: 65001, routerId: '172.17.255.1', networks: ['172.17.0.0/24'] }] });
    topology.erCircuits!.push({ ...twoLinkCircuit(1, 'Standard'), links: [{ name: 'c1-primary', role: 'primary', ce: 'dc2-ce' }, { name: 'c1-secondary', role: 'secondary', ce: 'dc2-ce' }] });
    expect(findingsOf(topology).map((f) => [f.id, f.objects])).toEqual([['shared-asn', ['dc-ce', 'dc2-ce']]]);
  });
});
