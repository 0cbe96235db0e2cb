import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatAddress, formatPrefix } from '../../../src/model/prefix.js';
import { parseIosConfig } from '../../../src/sources/ios/parse.js';
import type { LineNote, ParsedConfig } from '../../../src/sources/ios/router-config.js';

const SEED_CE = readFileSync(new URL('../../fixtures/azure-interop/ce/loc1-ce01.cfg', import.meta.url), 'utf8');

function parse(lines: string[]): ParsedConfig {
  return parseIosConfig(lines.join('\n'));
}

/** Notes as [line, lastLine, disposition], the way a reader checks them against the numbered config. */
function notes(parsed: ParsedConfig, disposition?: LineNote['disposition']): [number, number, string][] {
  return parsed.notes.filter((n) => disposition === undefined || n.disposition === disposition).map((n) => [n.line, n.lastLine, n.disposition]);
}

describe('parseIosConfig() on the seed CE configuration (configuration page, both listings)', () => {
  const parsed = parseIosConfig(SEED_CE);
  const config = parsed.config;

  it('reads its four interfaces with their addresses and subnets', () => {
    expect(config.interfaces.map((i) => [i.name, i.addresses.map((a) => `${formatAddress(a.address)} in ${formatPrefix(a.subnet)}`), i.shutdown])).toEqual([
      ['TenGigabitEthernet0/0/0.300', ['192.168.30.17 in 192.168.30.16/30'], false],
      ['TenGigabitEthernet1/0/0.30', ['192.168.30.0 in 192.168.30.0/31'], false],
      ['Loopback30', ['66.198.12.106 in 66.198.12.106/32'], false],
      ['Tunnel30', ['10.2.30.125 in 10.2.30.125/32'], false],
    ]);
  });

  it('merges its two router bgp 65021 listings: one network (stated twice), two neighbours in VRF 30', () => {
    const bgp = config.bgp!;
    expect(bgp.asn).toBe(65021);
    expect(bgp.line).toBe(21);
    expect(bgp.networks.map((n) => [formatPrefix(n.prefix), n.line])).toEqual([['10.2.30.0/25', 24]]);
    expect(bgp.neighbors.map((n) => ({ ...n, address: formatAddress(n.address) }))).toEqual([
      {
        address: '192.168.30.18', line: 25, vrf: '30', definedInAddressFamily: true, remoteAs: 12076, activate: true, shutdown: false,
        routeMapIn: { name: 'prefer-ER-over-VPN', line: 29 }, prefixListOut: { name: 'Cust30_to_Private', line: 30 },
      },
      { address: '10.10.30.254', line: 82, vrf: '30', definedInAddressFamily: true, remoteAs: 65515, activate: true, shutdown: false, updateSource: 'Tunnel30' },
    ]);
  });

  it('reads route-map prefer-ER-over-VPN (permit 10, local-preference 200, no match) and prefix-list Cust30_to_Private', () => {
    expect(config.routeMaps.get('prefer-ER-over-VPN')).toEqual([{ action: 'permit', seq: 10, line: 33, matchPrefixLists: [], setLocalPreference: 200 }]);
    expect(config.prefixLists.get('Cust30_to_Private')!.map((e) => [e.seq, e.action, formatPrefix(e.prefix), e.line])).toEqual([[10, 'permit', '10.2.30.0/25', 36]]);
  });

  it('reports the OSPF process (lines 14-17) and the column-0 default-information (line 18) as changing routing, default-metric (19) as not understood', () => {
    expect(parsed.errors).toEqual([]);
    expect(notes(parsed).filter(([, , d]) => d !== 'ignored')).toEqual([
      [14, 17, 'changes-routing'],
      [18, 18, 'changes-routing'],
      [19, 19, 'not-understood'],
    ]);
  });

  it('accounts for every other line it does not import as having no effect on routing', () => {
    // descriptions, encapsulation, VRF membership, the OSPF interface setting, next-hop-self and
    // soft-reconfiguration, the six crypto blocks, tunnel transport, ebgp-multihop, and the host route to the
    // BGP neighbour 10.10.30.254 (line 89) that the VPN session needs.
    expect(notes(parsed, 'ignored').map(([a, b]) => (a === b ? a : `${a}-${b}`))).toEqual([
      2, 3, 4, 8, 9, 10, 12, 27, 28, '38-41', '43-45', '47-51', '53-58', '60-61', '63-65', 71, 73, 74, 75, 76, 83, 86, 89,
    ]);
  });
});

describe('parseIosConfig(): every statement of the subset', () => {
  const parsed = parse([
    'hostname ce-a', //                                    1
    'interface GigabitEthernet0/1', //                     2
    ' ip address 10.0.0.1 255.255.255.252', //             3
    ' ip address 10.0.1.1 255.255.255.0 secondary', //     4
    ' shutdown', //                                        5
    'router bgp 65010', //                                 6
    ' bgp router-id 1.1.1.1', //                           7
    ' no bgp default ipv4-unicast', //                     8
    ' neighbor 10.0.0.2 remote-as 12076', //               9
    ' neighbor 10.0.0.2 route-map IN in', //               10
    ' neighbor 10.0.0.2 route-map OUT out', //             11
    ' neighbor 10.0.0.2 prefix-list A in', //              12
    ' neighbor 10.0.0.2 prefix-list B out', //             13
    ' neighbor 10.0.0.2 weight 300', //                    14
    ' neighbor 10.0.0.2 shutdown', //                      15
    ' neighbor 10.0.0.2 update-source GigabitEthernet0/1', // 16
    ' network 10.5.0.0 mask 255.255.0.0', //               17
    ' maximum-paths 2', //                                 18
    ' address-family ipv4 unicast', //                     19
    '  neighbor 10.0.0.2 activate', //                     20
    ' exit-address-family', //                             21
    'route-map IN permit 10', //                           22
    ' match ip address prefix-list A B', //                23
    ' set local-preference 150', //                        24
    ' set weight 20', //                                   25
    ' set as-path prepend 65010 65010', //                 26
    'route-map IN deny 20', //                             27
    'route-map OUT', //                                    28
    'ip prefix-list A seq 5 permit 10.0.0.0/8 ge 16 le 24', // 29
    'ip prefix-list A deny 0.0.0.0/0 le 32', //            30
    'ip prefix-list B permit 10.5.0.0/16', //              31
  ]);
  const config = parsed.config;

  it('parses without errors and imports every line', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.notes).toEqual([]);
  });

  it('hostname, interface addresses (with secondary) and shutdown', () => {
    expect(config.hostname).toEqual({ name: 'ce-a', line: 1 });
    const [iface] = config.interfaces;
    expect(iface!.addresses.map((a) => [formatAddress(a.address), formatPrefix(a.subnet), a.line])).toEqual([
      ['10.0.0.1', '10.0.0.0/30', 3],
      ['10.0.1.1', '10.0.1.0/24', 4],
    ]);
    expect(iface!.shutdown).toBe(true);
  });

  it('router bgp: router id, explicit activation, network, maximum-paths', () => {
    const bgp = config.bgp!;
    expect([bgp.asn, formatAddress(bgp.routerId!), bgp.activateExplicitly, bgp.maximumPaths]).toEqual([65010, '1.1.1.1', true, 2]);
    expect(bgp.networks.map((n) => formatPrefix(n.prefix))).toEqual(['10.5.0.0/16']);
  });

  it('neighbor: remote-as, route-maps and prefix-lists both ways, weight, shutdown, update-source, activate (in the address family)', () => {
    expect(config.bgp!.neighbors).toEqual([{
      address: (10 << 24) + 2, line: 9, definedInAddressFamily: false, remoteAs: 12076, activate: true, shutdown: true, weight: 300,
      routeMapIn: { name: 'IN', line: 10 }, routeMapOut: { name: 'OUT', line: 11 }, prefixListIn: { name: 'A', line: 12 }, prefixListOut: { name: 'B', line: 13 },
      updateSource: 'GigabitEthernet0/1',
    }]);
  });

  it('route-map entries in sequence order with their match and set clauses; a bare route-map NAME is permit 10', () => {
    expect(config.routeMaps.get('IN')).toEqual([
      { action: 'permit', seq: 10, line: 22, matchPrefixLists: [[{ name: 'A', line: 23 }, { name: 'B', line: 23 }]], setLocalPreference: 150, setWeight: 20, prepend: [65010, 65010] },
      { action: 'deny', seq: 20, line: 27, matchPrefixLists: [] },
    ]);
    expect(config.routeMaps.get('OUT')).toEqual([{ action: 'permit', seq: 10, line: 28, matchPrefixLists: [] }]);
  });

  it('ip prefix-list with seq, ge and le; without seq, 5 past the highest', () => {
    expect(config.prefixLists.get('A')!.map((e) => [e.seq, e.action, formatPrefix(e.prefix), e.ge, e.le])).toEqual([
      [5, 'permit', '10.0.0.0/8', 16, 24],
      [10, 'deny', '0.0.0.0/0', undefined, 32],
    ]);
    expect(config.prefixLists.get('B')!.map((e) => e.seq)).toEqual([5]);
  });
});

describe('parseIosConfig(): lines outside the subset', () => {
  const parsed = parse([
    'hostname ce-b', //                                    1
    'snmp-server community public RO', //                  2 management: ignored
    'frobnicate on', //                                    3 unknown global: not understood
    'interface Gi0/2', //                                  4
    ' ip address 10.9.0.1 255.255.255.0', //               5
    ' ip nat inside', //                                   6 changes routing
    ' storm-control broadcast level 10', //                7 not understood
    'router bgp 65011', //                                 8
    ' neighbor 10.9.0.2 remote-as 12076', //               9
    ' neighbor 10.9.0.2 peer-group EDGE', //               10 changes routing
    ' neighbor PEERS remote-as 12076', //                  11 changes routing (peer group)
    ' redistribute connected', //                          12 changes routing
    ' network 10.9.0.0', //                                13 changes routing (classful)
    ' maximum-paths ibgp 4', //                            14 changes routing
    ' address-family ipv6', //                             15 ignored block...
    '  neighbor 2001:db8::1 activate', //                  16
    ' exit-address-family', //                             17 ...to here (understood)
    ' network 10.9.0.0 mask 255.255.255.0', //             18 imported
    'route-map X permit 10', //                            19
    ' match as-path 5', //                                 20 changes routing
    'router ospf 1', //                                    21 changes-routing block
    ' network 10.9.0.0 0.0.0.255 area 0', //               22
    'ip route 0.0.0.0 0.0.0.0 10.9.0.254', //              23 changes routing (a static route)
    'ip route 10.9.0.2 255.255.255.255 Gi0/2', //          24 ignored: host route to the BGP neighbour
  ]);

  it('reports each with its line and what it does', () => {
    expect(parsed.errors).toEqual([]);
    expect(notes(parsed)).toEqual([
      [2, 2, 'ignored'],
      [3, 3, 'not-understood'],
      [6, 6, 'changes-routing'],
      [7, 7, 'not-understood'],
      [10, 10, 'changes-routing'],
      [11, 11, 'changes-routing'],
      [12, 12, 'changes-routing'],
      [13, 13, 'changes-routing'],
      [14, 14, 'changes-routing'],
      [15, 16, 'ignored'],
      [20, 20, 'changes-routing'],
      [21, 22, 'changes-routing'],
      [23, 23, 'changes-routing'],
      [24, 24, 'ignored'],
    ]);
  });

  it('keeps importing after a skipped address family', () => {
    expect(parsed.config.bgp!.networks.map((n) => [formatPrefix(n.prefix), n.line])).toEqual([['10.9.0.0/24', 18]]);
  });

  it('says why, in words', () => {
    const why = (line: number) => parsed.notes.find((n) => n.line === line)!.why;
    expect(why(12)).toContain('add network statements');
    expect(why(13)).toContain('network A mask M');
    expect(why(14)).toContain('no iBGP');
    expect(why(23)).toContain('static route');
    expect(why(24)).toContain('host route to a BGP neighbour');
  });

  it('notes neighbours in several VRFs at router bgp: the model has one table per router', () => {
    const vrfs = parse(['router bgp 65012', ' address-family ipv4 vrf A', '  neighbor 10.0.0.2 remote-as 12076', ' exit-address-family', ' address-family ipv4 vrf B', '  neighbor 10.0.1.2 remote-as 12076']);
    expect(notes(vrfs)).toEqual([[1, 1, 'changes-routing']]);
    expect(vrfs.notes[0]!.why).toBe('neighbours in A, B are imported into one routing table');
  });
});

describe('parseIosConfig(): values the subset cannot take are errors at their line', () => {
  const cases: [string, string[], number, string][] = [
    ['an address', ['interface X', ' ip address 10.0.0.300 255.255.255.0'], 2, 'not a valid interface address'],
    ['a mask with holes', ['interface X', ' ip address 10.0.0.1 255.0.255.0'], 2, 'not a contiguous mask'],
    ['an AS number', ['router bgp 4294967296'], 1, 'AS number "4294967296" is not a whole number from 1 to 4294967295'],
    ['a second BGP process', ['router bgp 65001', 'router bgp 65002'], 2, 'conflicts with router bgp 65001 at line 1'],
    ['a network with host bits', ['router bgp 65001', ' network 10.0.0.1 mask 255.255.255.0'], 2, 'host bits set'],
    ['a prefix-list prefix with host bits', ['ip prefix-list P permit 10.0.0.1/24'], 1, 'has host bits set'],
    ['a ge/le range that does not fit', ['ip prefix-list P permit 10.0.0.0/16 ge 8'], 1, 'does not fit the prefix'],
    ['a route-map action', ['route-map M allow 10'], 1, 'neither permit nor deny'],
    ['a weight', ['router bgp 65001', ' neighbor 10.0.0.2 weight 70000'], 2, 'weight "70000"'],
    ['a policy without a direction', ['router bgp 65001', ' neighbor 10.0.0.2 route-map M'], 2, 'needs a name and in or out'],
    ['a route map that is named but not defined', ['router bgp 65001', ' neighbor 10.0.0.2 route-map NOPE in'], 2, 'route-map NOPE is named here but not defined'],
    ['a prefix list that is named but not defined', ['route-map M permit 10', ' match ip address prefix-list NOPE'], 2, 'prefix-list NOPE is named here but not defined'],
  ];
  it.each(cases)('%s', (_, lines, line, message) => {
    const parsed = parse(lines);
    expect(parsed.errors.map((e) => e.line)).toEqual([line]);
    expect(parsed.errors[0]!.message).toContain(message);
    expect(parsed.errors[0]!.hint).not.toBe('');
  });
});
