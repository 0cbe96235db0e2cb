import type { BgpNeighbor, IosInterface, LineNote, RouteMapEntry, RouterConfig } from './router-config.js';

/**
 * What a statement handler made of one line. `imported` lines became part of the router's configuration,
 * `understood` lines only steer the parser (an `exit-address-family`); the rest become LineNotes.
 */
export type Outcome =
  | { kind: 'imported' }
  | { kind: 'understood' }
  | { kind: 'ignored'; why: string }
  | { kind: 'changes-routing'; why: string }
  | { kind: 'not-understood'; why: string }
  /** This line opens a block whose indented lines all share its note (an OSPF process, a crypto profile). */
  | { kind: 'block'; disposition: LineNote['disposition']; why: string };

export const IMPORTED: Outcome = { kind: 'imported' };
export const UNDERSTOOD: Outcome = { kind: 'understood' };

export function ignored(why: string): Outcome {
  return { kind: 'ignored', why };
}

export function changesRouting(why: string): Outcome {
  return { kind: 'changes-routing', why };
}

export function notUnderstood(why: string): Outcome {
  return { kind: 'not-understood', why };
}

/** Where the parser is: which configuration mode the indented lines that follow belong to. */
export type Mode =
  | { kind: 'global' }
  | { kind: 'interface'; iface: IosInterface }
  /** `vrf` and `inAddressFamily` describe the address family the line sits in, if any. */
  | { kind: 'bgp'; inAddressFamily: boolean; vrf: string | undefined; skippedFamily: LineNote | undefined }
  | { kind: 'route-map'; entry: RouteMapEntry }
  | { kind: 'block'; note: LineNote };

/** The state statement handlers read and change. */
export interface ParseState {
  config: RouterConfig;
  mode: Mode;
  neighbor(address: number, line: number): BgpNeighbor;
}
