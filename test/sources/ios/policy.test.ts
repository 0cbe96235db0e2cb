import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatAddress, parsePrefix } from '../../../src/model/prefix.js';
import { neighborPolicy } from '../../../src/sources/ios/neighbor-policy.js';
import { parseIosConfig } from '../../../src/sources/ios/parse.js';
import { prefixListPermits } from '../../../src/sources/ios/prefix-list.js';
import { evaluateRouteMap } from '../../../src/sources/ios/route-map.js';
import { bgpRouterId } from '../../../src/sources/ios/router-id.js';
import type { RouterConfig } from '../../../src/sources/ios/router-config.js';

function config(lines: string[]): RouterConfig {
  const parsed = parseIosConfig(lines.join('\n'));
  expect(parsed.errors).toEqual([]);
  return parsed.config;
}

const p = parsePrefix;

describe('prefixListPermits()', () => {
  const lists = config([
    'ip prefix-list EXACT seq 5 permit 10.2.30.0/25',
    'ip prefix-list RANGE seq 5 deny 10.1.0.0/16 le 32',
    'ip prefix-list RANGE seq 10 permit 10.0.0.0/8 ge 16 le 24',
    'ip prefix-list GE seq 5 permit 10.0.0.0/8 ge 25',
    'ip prefix-list LE seq 5 permit 10.0.0.0/8 le 16',
  ]).prefixLists;

  it('without ge/le matches the prefix exactly', () => {
    expect(prefixListPermits(lists.get('EXACT')!, p('10.2.30.0/25'))).toBe(true);
    expect(prefixListPermits(lists.get('EXACT')!, p('10.2.30.0/26'))).toBe(false); // longer
    expect(prefixListPermits(lists.get('EXACT')!, p('10.2.30.0/24'))).toBe(false); // shorter
  });

  it('takes the first matching entry in sequence order, then the implicit deny', () => {
    const range = lists.get('RANGE')!;
    expect(prefixListPermits(range, p('10.1.5.0/24'))).toBe(false); // seq 5 denies inside 10.1/16
    expect(prefixListPermits(range, p('10.2.0.0/16'))).toBe(true); // seq 10: /16 is in 16..24
    expect(prefixListPermits(range, p('10.2.3.0/25'))).toBe(false); // /25 is past le 24: no entry, implicit deny
    expect(prefixListPermits(range, p('10.0.0.0/8'))).toBe(false); // /8 is below ge 16
    expect(prefixListPermits(range, p('192.168.0.0/24'))).toBe(false); // outside
  });

  it('ge alone reaches /32, le alone starts at the prefix length', () => {
    expect(prefixListPermits(lists.get('GE')!, p('10.1.1.1/32'))).toBe(true);
    expect(prefixListPermits(lists.get('GE')!, p('10.1.1.0/24'))).toBe(false);
    expect(prefixListPermits(lists.get('LE')!, p('10.0.0.0/8'))).toBe(true);
    expect(prefixListPermits(lists.get('LE')!, p('10.7.0.0/16'))).toBe(true);
    expect(prefixListPermits(lists.get('LE')!, p('10.7.1.0/24'))).toBe(false);
  });
});

describe('evaluateRouteMap()', () => {
  const c = config([
    'ip prefix-list AZ permit 10.10.0.0/16 le 24',
    'ip prefix-list ONPREM permit 10.2.0.0/16 le 24',
    'ip prefix-list SPOKE permit 10.10.5.0/24',
    'route-map M deny 5',
    ' match ip address prefix-list SPOKE',
    'route-map M permit 10',
    ' match ip address prefix-list AZ ONPREM',
    ' set local-preference 200',
    'route-map M permit 20',
    ' match ip address prefix-list AZ',
    ' match ip address prefix-list SPOKE',
    'route-map ALL permit 10',
  ]);
  const map = c.routeMaps.get('M')!;
  const seqOf = (prefix: string) => {
    const v = evaluateRouteMap(map, c.prefixLists, p(prefix));
    return v.permitted ? v.entry.seq : 'denied';
  };

  it('the first matching entry decides, deny included', () => {
    expect(seqOf('10.10.5.0/24')).toBe('denied');
    expect(seqOf('10.10.6.0/24')).toBe(10);
  });

  it('a match statement naming two lists matches when either permits', () => {
    expect(seqOf('10.2.30.0/25')).toBe('denied'); // /25: neither list (le 24) permits, no entry matches
    expect(seqOf('10.2.30.0/24')).toBe(10);
  });

  it('no matching entry is a deny; an entry without match matches every route', () => {
    expect(seqOf('192.168.1.0/24')).toBe('denied');
    expect(evaluateRouteMap(c.routeMaps.get('ALL')!, c.prefixLists, p('192.168.1.0/24')).permitted).toBe(true);
  });
});

describe('neighborPolicy()', () => {
  // The seed's prefixes: hub, spoke, branch, remote, onprem1, onprem2.
  const universe = ['10.10.30.0/24', '10.11.30.0/26', '10.11.30.64/26', '10.17.30.0/24', '10.2.30.0/25', '10.1.31.0/25'].map(p);
  const seed = parseIosConfig(readFileSync(new URL('../../fixtures/azure-interop/ce/loc1-ce01.cfg', import.meta.url), 'utf8')).config;
  const neighbor = (c: RouterConfig, address: string) => c.bgp!.neighbors.find((n) => formatAddress(n.address) === address)!;

  it('the seed toward the MSEE: local-preference 200 on everything in, only 10.2.30.0/25 out', () => {
    const result = neighborPolicy({ config: seed, neighbor: neighbor(seed, '192.168.30.18'), universe, ownPrefixes: [p('10.2.30.0/25')] });
    expect(result.policy).toEqual({ inbound: { localPreference: 200 }, outbound: { prefixList: ['10.2.30.0/25'] } });
    expect(result.notExpressible).toEqual([]);
  });

  it('the seed toward the hub VPN gateway: no policy at all', () => {
    const result = neighborPolicy({ config: seed, neighbor: neighbor(seed, '10.10.30.254'), universe, ownPrefixes: [p('10.2.30.0/25')] });
    expect(result).toEqual({ policy: undefined, assumptions: [], notExpressible: [] });
  });

  const ce = config([
    'router bgp 65021',
    ' neighbor 10.0.0.2 remote-as 12076',
    ' neighbor 10.0.0.2 weight 100',
    ' neighbor 10.0.0.2 route-map IN in',
    ' neighbor 10.0.0.2 route-map OUT out',
    'ip prefix-list HUB permit 10.10.30.0/24',
    'ip prefix-list MINE permit 10.2.30.0/25',
    'route-map IN deny 5',
    ' match ip address prefix-list HUB',
    'route-map IN permit 10',
    ' set local-preference 150',
    'route-map OUT permit 10',
    ' match ip address prefix-list MINE',
    ' set as-path prepend 65021 65021 65021',
  ]);
  const result = neighborPolicy({ config: ce, neighbor: ce.bgp!.neighbors[0]!, universe, ownPrefixes: [p('10.2.30.0/25')] });

  it('imports what every accepted route gets: local-preference from the route map, weight from the neighbour', () => {
    expect(result.policy?.inbound).toEqual({ localPreference: 150, weight: 100 });
  });

  it('reports an inbound deny, which the format cannot hold', () => {
    expect(result.notExpressible).toEqual([
      'neighbor 10.0.0.2 route-map IN (line 4) in: denies 10.10.30.0/24; the format has no inbound filter, so these routes are accepted',
    ]);
  });

  it('outbound: the exact prefixes the route map sends, and its own-ASN prepend as a count', () => {
    expect(result.policy?.outbound).toEqual({ prefixList: ['10.2.30.0/25'], prependAsPath: 3 });
  });

  it('reports a value that differs from route to route and imports none', () => {
    const mixed = config([
      'router bgp 65021',
      ' neighbor 10.0.0.2 remote-as 12076',
      ' neighbor 10.0.0.2 route-map IN in',
      'ip prefix-list HUB permit 10.10.30.0/24',
      'route-map IN permit 10',
      ' match ip address prefix-list HUB',
      ' set local-preference 300',
      'route-map IN permit 20',
    ]);
    const r = neighborPolicy({ config: mixed, neighbor: mixed.bgp!.neighbors[0]!, universe, ownPrefixes: [] });
    expect(r.policy).toBeUndefined();
    expect(r.notExpressible).toHaveLength(1);
    expect(r.notExpressible[0]).toContain('local-preference differs from route to route (300 for 10.10.30.0/24; unset for ');
  });

  it('sends everything without a prefix list: no outbound filter', () => {
    const open = config(['router bgp 65021', ' neighbor 10.0.0.2 remote-as 12076', ' neighbor 10.0.0.2 route-map OUT out', 'route-map OUT permit 10', ' set as-path prepend 65021']);
    expect(neighborPolicy({ config: open, neighbor: open.bgp!.neighbors[0]!, universe, ownPrefixes: [] }).policy).toEqual({ outbound: { prependAsPath: 1 } });
  });
});

describe('bgpRouterId()', () => {
  it('bgp router-id first', () => {
    const c = config(['interface Loopback0', ' ip address 192.0.2.1 255.255.255.255', 'router bgp 65001', ' bgp router-id 10.0.0.9']);
    expect(formatAddress(bgpRouterId(c)!.id)).toBe('10.0.0.9');
  });

  it('else the highest loopback address, even below a physical one', () => {
    const c = config(['interface Gi0/1', ' ip address 203.0.113.1 255.255.255.0', 'interface Loopback0', ' ip address 10.0.0.1 255.255.255.255', 'interface Loopback1', ' ip address 10.0.0.2 255.255.255.255']);
    expect(formatAddress(bgpRouterId(c)!.id)).toBe('10.0.0.2');
  });

  it('else the highest address of an interface that is up', () => {
    const c = config(['interface Gi0/1', ' ip address 10.0.0.1 255.255.255.0', 'interface Gi0/2', ' ip address 10.0.9.1 255.255.255.0', ' shutdown']);
    expect(formatAddress(bgpRouterId(c)!.id)).toBe('10.0.0.1');
  });
});
