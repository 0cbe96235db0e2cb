import { describe, expect, it } from 'vitest';
import { generateTopology, type GeneratePreset } from '../../src/sources/generate/generate.js';
import { containsAddress, overlaps, parseAddress, parsePrefix, type Prefix } from '../../src/model/prefix.js';
import type { OnPremSite, Topology, VnetSite } from '../../src/model/topology.js';
import { validateTopology } from '../../src/model/validate.js';

// Targets from the brief: sites (VNets + on-prem) and failure units; within ~15%.
const TARGETS: Record<GeneratePreset, { sites: number; units?: number }> = {
  S: { sites: 20 },
  M: { sites: 100, units: 150 },
  L: { sites: 500, units: 600 },
  XL: { sites: 2000 },
};
const PRESETS = Object.keys(TARGETS) as GeneratePreset[];
const SEEDS = [1, 2, 42];

const cache = new Map<string, Topology>();
function topology(preset: GeneratePreset, seed = 1): Topology {
  const key = `${preset}/${seed}`;
  let t = cache.get(key);
  if (t === undefined) {
    t = generateTopology({ preset, seed });
    cache.set(key, t);
  }
  return t;
}

/** Failure units: every peering, VPN connection, ER link, ER connection, Global Reach pair and appliance instance. */
function failureUnits(t: Topology): number {
  const circuits = t.erCircuits ?? [];
  const instances = vnets(t).flatMap((v) => v.appliances ?? []).reduce((n, a) => n + a.instances.length, 0);
  return (t.peerings?.length ?? 0) + (t.vpnConnections?.length ?? 0) +
    circuits.reduce((n, c) => n + c.links.length + c.connections.length, 0) + (t.globalReach?.length ?? 0) + instances;
}

const vnets = (t: Topology): VnetSite[] => t.sites.filter((s): s is VnetSite => s.kind === 'vnet');
const onPrem = (t: Topology): OnPremSite[] => t.sites.filter((s): s is OnPremSite => s.kind === 'onprem');
const ces = (t: Topology) => onPrem(t).flatMap((s) => s.routers);
const within = (actual: number, target: number) => Math.abs(actual - target) <= target * 0.15;

describe('generateTopology: determinism', () => {
  it('gives identical JSON for the same preset and seed', () => {
    for (const preset of ['S', 'M'] as const) {
      const a = JSON.stringify(generateTopology({ preset, seed: 7 }));
      const b = JSON.stringify(generateTopology({ preset, seed: 7 }));
      expect(a).toBe(b);
    }
  });

  it('defaults the seed to 1', () => {
    expect(JSON.stringify(generateTopology({ preset: 'S' }))).toBe(JSON.stringify(topology('S', 1)));
  });

  it('gives different topologies for different seeds', () => {
    for (const preset of ['S', 'M'] as const) {
      expect(JSON.stringify(topology(preset, 1))).not.toBe(JSON.stringify(topology(preset, 2)));
    }
  });

  it('says it is synthetic and names preset and seed', () => {
    const t = generateTopology({ preset: 'M', seed: 5 });
    expect(t.name).toBe('synthetic-m-seed-5');
    expect(t.description).toMatch(/synthetic/i);
    expect(t.description).toContain('--preset M --seed 5');
    expect(t.assumptions?.[0]).toMatch(/synthetic.*preset M and seed 5/i);
  });

  it('rejects an unknown preset', () => {
    expect(() => generateTopology({ preset: 'XXL' as GeneratePreset })).toThrow(/preset/);
  });
});

describe('generateTopology: sizes', () => {
  for (const preset of PRESETS) {
    it(`${preset}: sites and failure units near the targets`, () => {
      const target = TARGETS[preset];
      for (const seed of SEEDS) {
        const t = topology(preset, seed);
        expect(within(t.sites.length, target.sites), `${preset}/${seed}: ${t.sites.length} sites`).toBe(true);
        if (target.units !== undefined) {
          const units = failureUnits(t);
          expect(within(units, target.units), `${preset}/${seed}: ${units} units`).toBe(true);
        }
      }
    });
  }
});

describe('generateTopology: validation', () => {
  for (const preset of PRESETS) {
    it(`${preset} passes validateTopology`, () => {
      // XL takes ~0.7 s to validate: one seed is enough there.
      for (const seed of preset === 'XL' ? [1] : SEEDS) {
        // Through JSON, as a file read from disk would be.
        const result = validateTopology(JSON.parse(JSON.stringify(topology(preset, seed))));
        if (!result.ok) expect.fail(`${preset}/${seed}: ${JSON.stringify(result.issues.slice(0, 5))}`);
        expect(result.warnings, `${preset}/${seed}`).toEqual([]);
      }
    });
  }
});

describe('generateTopology: structure and Azure limits', () => {
  for (const preset of PRESETS) {
    describe(preset, () => {
      const t = topology(preset, 42);
      const byId = new Map(t.sites.map((s) => [s.id, s]));
      const siteOfCe = new Map(onPrem(t).flatMap((s) => s.routers.map((r) => [r.id, s] as const)));
      const peerings = t.peerings ?? [];
      const vpns = t.vpnConnections ?? [];
      const circuits = t.erCircuits ?? [];
      const globalReach = t.globalReach ?? [];

      it('uses readable, unique ids', () => {
        for (const v of vnets(t)) expect(v.id).toMatch(/^r\d+-(hub|spoke-\d{3}|branch-\d{2}|remote-\d{2})$/);
        for (const s of onPrem(t)) {
          expect(s.id).toMatch(/^site-\d{3}$/);
          for (const r of s.routers) expect(r.id).toMatch(new RegExp(`^${s.id}-ce[12]$`));
        }
        const units = [
          ...peerings.map((p) => `peering:${p.name}`),
          ...vpns.map((v) => `vpn:${v.name}`),
          ...circuits.flatMap((c) => c.links.map((l) => `er-link:${l.name}`)),
          ...circuits.flatMap((c) => c.connections.map((x) => `er-conn:${x.name}`)),
          ...globalReach.map((g) => `global-reach:${g.name}`),
        ];
        const names = [...t.sites.map((s) => s.id), ...ces(t).map((r) => r.id), ...units];
        expect(new Set(names).size).toBe(names.length);
        expect(circuits.flatMap((c) => c.links.map((l) => l.name))).toContain('er-site-001-primary');
        expect(vpns.some((v) => /^r\d+-hub-site-\d{3}$/.test(v.name))).toBe(true);
      });

      it('gives every hub both gateways (ASN 65515), remotes only ER, branches only VPN, spokes none', () => {
        for (const v of vnets(t)) {
          const kind = /-(hub|spoke|branch|remote)/.exec(v.id)?.[1];
          expect(v.erGateway !== undefined, v.id).toBe(kind === 'hub' || kind === 'remote');
          expect(v.vpnGateway !== undefined, v.id).toBe(kind === 'hub' || kind === 'branch');
          if (kind === 'hub') expect(v.vpnGateway?.asn).toBe(65515);
        }
      });

      it('peers spokes with gateway transit, one remote-gateway peering per VNet, <= 500 peerings per VNet', () => {
        const remoteGatewayUse = new Map<string, number>();
        const perVnet = new Map<string, number>();
        for (const p of peerings) {
          for (const [i, side] of p.sides.entries()) {
            perVnet.set(side.vnet, (perVnet.get(side.vnet) ?? 0) + 1);
            if (!side.useRemoteGateways) continue;
            remoteGatewayUse.set(side.vnet, (remoteGatewayUse.get(side.vnet) ?? 0) + 1);
            const own = byId.get(side.vnet) as VnetSite;
            expect(own.erGateway ?? own.vpnGateway, `${side.vnet} has its own gateway`).toBeUndefined();
            expect(p.sides[1 - i]?.allowGatewayTransit, p.name).toBe(true);
          }
        }
        for (const [vnet, n] of remoteGatewayUse) expect(n, vnet).toBe(1);
        for (const [vnet, n] of perVnet) expect(n, vnet).toBeLessThanOrEqual(500);
        for (const spoke of vnets(t).filter((v) => v.role === 'spoke')) expect(remoteGatewayUse.get(spoke.id)).toBe(1);
      });

      it('addresses every site without overlap, with test addresses inside', () => {
        const all: { id: string; prefix: Prefix }[] = [];
        for (const s of t.sites) {
          const prefixes = (s.kind === 'vnet' ? s.addressSpace : s.prefixes).map(parsePrefix);
          for (const prefix of prefixes) all.push({ id: s.id, prefix });
          for (const a of s.testAddresses) {
            expect(prefixes.some((p) => containsAddress(p, parseAddress(a))), `${s.id} ${a}`).toBe(true);
          }
        }
        // Sorted by network address, any overlap shows between neighbours.
        all.sort((x, y) => x.prefix.net - y.prefix.net || x.prefix.len - y.prefix.len);
        for (let i = 1; i < all.length; i++) {
          const [x, y] = [all[i - 1]!, all[i]!];
          expect(overlaps(x.prefix, y.prefix), `${x.id} / ${y.id}`).toBe(false);
        }
        for (const s of onPrem(t)) {
          for (const p of s.prefixes) expect(overlaps(parsePrefix(p), parsePrefix('172.16.0.0/12'))).toBe(true);
        }
      });

      it('uses private CE ASNs outside 65515-65520, one per site, distinct from every Azure gateway ASN', () => {
        const gatewayAsns = new Set(vnets(t).map((v) => v.vpnGateway?.asn).filter((a) => a !== undefined));
        const siteAsn = new Map<string, number>();
        for (const s of onPrem(t)) {
          const asns = new Set(s.routers.map((r) => r.asn));
          expect(asns.size, s.id).toBe(1);
          const asn = s.routers[0]!.asn;
          expect((asn >= 64512 && asn <= 65514) || (asn >= 4_200_000_000 && asn <= 4_294_967_294), `${asn}`).toBe(true);
          expect(gatewayAsns.has(asn)).toBe(false);
          siteAsn.set(s.id, asn);
        }
        expect(new Set(siteAsn.values()).size).toBe(siteAsn.size);
        const branchAsns = vnets(t).filter((v) => v.role === 'branch').map((v) => v.vpnGateway!.asn!);
        for (const asn of branchAsns) expect(asn < 65515 || asn > 65520).toBe(true);
        expect(new Set(branchAsns).size).toBe(branchAsns.length);
      });

      it('gives every site an ER circuit and an S2S BGP VPN backup from its CE to a hub', () => {
        const siteCircuits = new Map<string, number>();
        for (const c of circuits) {
          const sites = new Set(c.links.map((l) => siteOfCe.get(l.ce)?.id));
          expect(sites.size, c.name).toBe(1);
          const site = [...sites][0]!;
          siteCircuits.set(site, (siteCircuits.get(site) ?? 0) + 1);
          expect(c.links.filter((l) => l.role === 'primary')).toHaveLength(1);
        }
        for (const s of onPrem(t)) {
          expect(siteCircuits.get(s.id), s.id).toBe(1);
          const backup = vpns.filter((v) => 'ce' in v.peer && siteOfCe.get(v.peer.ce) === s);
          expect(backup, s.id).toHaveLength(1);
          expect(backup[0]!.bgp).toBe(true);
          expect(byId.get(backup[0]!.gateway)?.role).toMatch(/^hub/);
        }
        for (const branch of vnets(t).filter((v) => v.role === 'branch')) {
          const conn = vpns.filter((v) => 'vnet' in v.peer && v.peer.vnet === branch.id);
          expect(conn, branch.id).toHaveLength(1);
          expect(conn[0]!.bgp).toBe(true);
        }
      });

      it('respects VNet links per circuit (Standard 10, Premium 20, Global Reach counted) and links hubs', () => {
        const grCount = new Map<string, number>();
        for (const g of globalReach) for (const c of g.circuits) grCount.set(c, (grCount.get(c) ?? 0) + 1);
        for (const c of circuits) {
          const links = c.connections.length + (grCount.get(c.name) ?? 0);
          expect(links, c.name).toBeLessThanOrEqual(c.sku === 'Premium' ? 20 : 10);
          expect(c.connections.length, c.name).toBeGreaterThanOrEqual(1);
          expect(new Set(c.connections.map((x) => x.vnet)).size, c.name).toBe(c.connections.length);
          for (const x of c.connections) expect(byId.get(x.vnet)?.kind === 'vnet' && (byId.get(x.vnet) as VnetSite).erGateway).toBeTruthy();
        }
        if (preset !== 'S') {
          expect(circuits.some((c) => c.sku === 'Premium')).toBe(true);
          expect(circuits.some((c) => c.connections.filter((x) => x.vnet.endsWith('-hub')).length > 1)).toBe(true);
        }
        for (const remote of vnets(t).filter((v) => v.role === 'remote')) {
          expect(circuits.filter((c) => c.connections.some((x) => x.vnet === remote.id)).length).toBeGreaterThanOrEqual(1);
        }
      });

      it('stays within the route limits: ECMP over <= 4 circuits, 4,000 / 1,000 prefixes', () => {
        // Each on-prem prefix enters Azure through the circuits whose CEs originate it.
        const circuitsOfPrefix = new Map<string, Set<string>>();
        for (const c of circuits) {
          const advertised = new Set(c.links.flatMap((l) => l.cePolicy?.outbound?.prefixList ?? siteOfCe.get(l.ce)!.prefixes));
          expect(advertised.size).toBeLessThanOrEqual(c.sku === 'Premium' ? 10_000 : 4_000);
          for (const p of advertised) circuitsOfPrefix.set(p, (circuitsOfPrefix.get(p) ?? new Set()).add(c.name));
        }
        for (const [p, set] of circuitsOfPrefix) expect(set.size, p).toBeLessThanOrEqual(4);
        // An ER gateway advertises its VNet and its gateway-transit spokes on each connection.
        for (const v of vnets(t).filter((x) => x.erGateway)) {
          const spokes = peerings.filter((p) => p.sides.some((s) => s.vnet === v.id && s.allowGatewayTransit));
          expect(v.addressSpace.length + spokes.length, v.id).toBeLessThanOrEqual(1000);
        }
      });

      it('looks like a real estate: a few imperfections, Global Reach, multi-CE sites', () => {
        const links = circuits.flatMap((c) => c.links);
        const sitesWithoutLocalPref = onPrem(t).filter((s) =>
          links.some((l) => siteOfCe.get(l.ce) === s && l.cePolicy?.inbound?.localPreference === undefined));
        expect(sitesWithoutLocalPref.length).toBeGreaterThanOrEqual(1);
        expect(sitesWithoutLocalPref.length).toBeLessThan(onPrem(t).length / 4);
        for (const l of links) expect(l.cePolicy?.outbound?.prefixList?.length, l.name).toBeGreaterThan(0);

        const singleLink = circuits.filter((c) =>
          c.links.filter((l) => l.enabled !== false).length === 1);
        expect(singleLink.length).toBeGreaterThanOrEqual(1);
        expect(singleLink.length).toBeLessThan(circuits.length / 4);
        if (preset !== 'S') {
          expect(circuits.some((c) => c.links.length === 1)).toBe(true);
          expect(circuits.some((c) => c.links.some((l) => l.enabled === false))).toBe(true);
        }

        expect(globalReach.length).toBeGreaterThanOrEqual(1);
        const names = new Set(circuits.map((c) => c.name));
        const pairs = globalReach.map((g) => [...g.circuits].sort().join('|'));
        expect(new Set(pairs).size).toBe(pairs.length);
        for (const g of globalReach) {
          expect(g.circuits[0]).not.toBe(g.circuits[1]);
          for (const c of g.circuits) expect(names.has(c)).toBe(true);
        }

        expect(onPrem(t).some((s) => s.routers.length === 2)).toBe(true);
        expect(onPrem(t).some((s) => s.routers.length === 1)).toBe(true);
        expect(vnets(t).some((v) => v.role === 'remote')).toBe(true);
        expect(vnets(t).some((v) => v.role === 'branch')).toBe(true);
      });
    });
  }
});

describe('generateTopology: firewall hubs', () => {
  for (const preset of PRESETS) {
    it(`${preset}: every second region's hub routes its spokes through a firewall pair, both ways`, () => {
      const t = topology(preset, 1);
      const hubs = vnets(t).filter((v) => /-hub$/.test(v.id));
      const tables = new Map((t.routeTables ?? []).map((rt) => [rt.name, rt]));
      hubs.forEach((hub, i) => {
        const r = i + 1;
        const spokes = vnets(t).filter((v) => v.id.startsWith(`r${r}-spoke-`));
        if (r % 2 === 1) {
          expect(hub.appliances, hub.id).toBeUndefined();
          expect(spokes.every((s) => s.subnets === undefined), hub.id).toBe(true);
          return;
        }
        // Azure Firewall's hybrid tutorial: a UDR per spoke range on the GatewaySubnet, 0.0.0.0/0 on the spokes with propagation off.
        expect(hub.appliances).toEqual([{
          name: `${hub.id}-fw`, subnet: 'AzureFirewallSubnet', instances: [{ address: `10.${r}.1.5` }, { address: `10.${r}.1.6` }], loadBalancerAddress: `10.${r}.1.4`,
        }]);
        const gateway = tables.get(`${hub.id}-gateway-subnet`)!;
        expect(gateway.subnets).toEqual([`${hub.id}/GatewaySubnet`]);
        expect(gateway.routes?.map((x) => [x.prefix, x.nextHopType, x.nextHopAddress])).toEqual(spokes.map((s) => [s.addressSpace[0], 'VirtualAppliance', `10.${r}.1.4`]));
        const spokeTable = tables.get(`r${r}-spokes`)!;
        expect(spokeTable.subnets).toEqual(spokes.map((s) => `${s.id}/workload`));
        expect(spokeTable.disableBgpRoutePropagation).toBe(true);
        expect(spokeTable.routes).toEqual([{ name: 'to-firewall', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopAddress: `10.${r}.1.4` }]);
      });
    });
  }
});
