import type { Prefix } from '../../model/prefix.js';

/**
 * What the IOS subset parser (parse.ts) keeps of one router's configuration. Addresses are uint32 and prefixes
 * are the model's `Prefix`; every part remembers its line, so that what the importer does with it can be traced
 * back to the configuration.
 */
export interface RouterConfig {
  hostname?: { name: string; line: number };
  interfaces: IosInterface[];
  bgp?: BgpProcess;
  routeMaps: Map<string, RouteMapEntry[]>;
  prefixLists: Map<string, PrefixListEntry[]>;
  staticRoutes: StaticRoute[];
}

export interface IosInterface {
  name: string;
  line: number;
  /** `ip address A M` and `ip address A M secondary`. */
  addresses: InterfaceAddress[];
  /** `shutdown`: the interface, and every BGP session over it, is down. */
  shutdown: boolean;
}

export interface InterfaceAddress {
  address: number;
  /** The connected subnet. */
  subnet: Prefix;
  line: number;
}

export interface BgpProcess {
  asn: number;
  line: number;
  /** `bgp router-id`. */
  routerId?: number;
  /** `network A mask M`: the prefixes the router originates. */
  networks: { prefix: Prefix; line: number }[];
  /** `maximum-paths N` (eBGP). */
  maximumPaths?: number;
  /** `no bgp default ipv4-unicast`: neighbours exchange IPv4 routes only where `activate` says so. */
  activateExplicitly: boolean;
  /** In order of first mention; one entry per address whether it appears inside an address family or not. */
  neighbors: BgpNeighbor[];
}

/** A policy named by a neighbour statement, with the line that names it. */
export interface PolicyRef {
  name: string;
  line: number;
}

export interface BgpNeighbor {
  address: number;
  /** First line that mentions the neighbour. */
  line: number;
  /** The VRF of the address family the neighbour was configured in (`address-family ipv4 vrf NAME`). */
  vrf?: string;
  /** Whether a `neighbor ... remote-as` sits inside `address-family ipv4`, which activates it there. */
  definedInAddressFamily: boolean;
  remoteAs?: number;
  activate: boolean;
  routeMapIn?: PolicyRef;
  routeMapOut?: PolicyRef;
  prefixListIn?: PolicyRef;
  prefixListOut?: PolicyRef;
  weight?: number;
  shutdown: boolean;
  /** `update-source IF`: the interface whose address the session uses. */
  updateSource?: string;
}

export interface RouteMapEntry {
  action: 'permit' | 'deny';
  seq: number;
  line: number;
  /** One list per `match ip address prefix-list A B` statement: a route matches a statement if any list permits it. */
  matchPrefixLists: PolicyRef[][];
  setLocalPreference?: number;
  setWeight?: number;
  /** `set as-path prepend A B ...`, in order. */
  prepend?: number[];
}

export interface PrefixListEntry {
  action: 'permit' | 'deny';
  seq: number;
  prefix: Prefix;
  ge?: number;
  le?: number;
  line: number;
}

export interface StaticRoute {
  prefix: Prefix;
  line: number;
  text: string;
}

/**
 * A line the importer does not turn into topology: `ignored` lines have no effect on what whatif computes
 * (descriptions, crypto, encapsulation...), `not-understood` lines are outside the subset, and `changes-routing`
 * lines affect routing in a way the topology format cannot carry. A block (an OSPF process, a crypto profile)
 * is one note from its first line to its last.
 */
export interface LineNote {
  line: number;
  lastLine: number;
  text: string;
  disposition: 'ignored' | 'not-understood' | 'changes-routing';
  why: string;
}

/** A statement of the subset with a value the parser cannot take (a bad address, a mask with holes). */
export interface ConfigError {
  line: number;
  text: string;
  message: string;
  hint: string;
}

export interface ParsedConfig {
  config: RouterConfig;
  notes: LineNote[];
  errors: ConfigError[];
  /** Lines turned into topology: a file with none is not a router configuration. */
  importedLines: number;
}
