import { DELIVER, DROP, INTERNET, UNROUTABLE, type CompiledTopology } from '../model/compiled.js';
import { formatAddress } from '../model/prefix.js';
import type { Route } from '../control/route.js';
import type { Fib } from './fib.js';
import { DELIVERED, DELIVERED_ELSEWHERE, EXITS_NETWORK, NO_ROUTE, NULL_ROUTED } from './outcome.js';

/** A destination the walk follows packets toward: one test address of a site. */
export interface Probe {
  /** The site the address belongs to: delivery anywhere else is DELIVERED_ELSEWHERE. */
  site: number;
  address: number;
  /** The prefixes containing the address, most specific first (Fib.covering). */
  covering: Int32Array;
}

/**
 * What a walk computes, folded bottom-up over the forwarding graph toward one probe. Each node's decisions
 * are one per installed ECMP route, in route order; `join` combines them. The walk calls `step` with what
 * the next node gives, so a result is built once per node and shared by every node that forwards to it.
 */
export interface Fold<T> {
  /** The packet's journey ends at `node`: an outcome code of outcome.ts. */
  end(node: number, outcome: number): T;
  /** `route` at `node` sends the packet to a node already on its way here: it would loop. */
  loop(node: number, prefix: number, route: Route): T;
  /** `route` at `node` sends the packet on; `then` is what happens from the next node. */
  step(node: number, prefix: number, route: Route, then: T): T;
  /** A node's decisions together, in order (`parts` is the walk's: read it, do not keep it). */
  join(node: number, parts: readonly T[]): T;
}

/** Results the walk keeps per node (and may be seeded with: a scenario's walk reads the baseline's). */
export interface Memo<T> {
  get(node: number): T | undefined;
  set(node: number, value: T): void;
}

/** More node expansions than this in one walk means ECMP inside forwarding loops exploded: give up loudly. */
const MAX_EXPANSIONS = 20_000_000;

interface Frame<T> {
  node: number;
  prefix: number;
  routes: readonly Route[];
  next: number;
  parts: T[];
  /** No loop closed anywhere below: the result is the same whatever way the packet came in. */
  clean: boolean;
}

/**
 * The one forwarding walk: longest-prefix match at a node, then per installed route deliver (here, or at the
 * wrong site), drop, send to the Internet, or forward over the route's edge; no route at all (or only Azure's
 * default None route of a reserved range) is NO_ROUTE. A route back to a node
 * already on the way is a loop. Every way through the network is explored (ECMP splits it), depth first,
 * without recursion.
 *
 * Forwarding is destination-based, so what happens from a node does not depend on how the packet got there,
 * except where a loop is met: which step closes it depends on the way in. A node's result is memoised when no
 * loop was met below it, and computed again for each way in otherwise.
 */
export class Walk<T> {
  private readonly onWay: Uint8Array;
  private readonly frames: Frame<T>[] = [];
  private expansions = 0;
  /** How many loops the walk met; zero means it memoised every node it visited. */
  loops = 0;

  constructor(
    private readonly topology: CompiledTopology,
    private readonly fib: Fib,
    private readonly probe: Probe,
    private readonly fold: Fold<T>,
    private readonly memo: Memo<T>,
    /** A zeroed byte per node to mark the way with (left zeroed), when many walks run one after another. */
    scratch?: Uint8Array,
  ) {
    this.onWay = scratch ?? new Uint8Array(topology.nodes.length);
  }

  from(start: number): T {
    const known = this.memo.get(start);
    if (known !== undefined) return known;
    let depth = this.enter(0, start);
    for (;;) {
      const frame = this.frames[depth]!;
      if (frame.next === frame.routes.length) {
        const result = frame.routes.length === 0 ? this.fold.end(frame.node, NO_ROUTE) : this.fold.join(frame.node, frame.parts);
        this.onWay[frame.node] = 0;
        if (frame.clean) this.memo.set(frame.node, result);
        if (depth === 0) return result;
        const parent = this.frames[--depth]!;
        parent.parts.push(this.fold.step(parent.node, parent.prefix, parent.routes[parent.next]!, result));
        parent.clean &&= frame.clean;
        parent.next++;
        continue;
      }
      const route = frame.routes[frame.next]!;
      if (route.out < 0) {
        frame.parts.push(this.fold.end(frame.node, this.actionOutcome(frame.node, route.out)));
        frame.next++;
      } else {
        const to = this.topology.edges[route.out]!.to;
        if (this.onWay[to]) {
          this.loops++;
          frame.parts.push(this.fold.loop(frame.node, frame.prefix, route));
          frame.clean = false;
          frame.next++;
          continue;
        }
        const memoised = this.memo.get(to);
        if (memoised !== undefined) {
          frame.parts.push(this.fold.step(frame.node, frame.prefix, route, memoised));
          frame.next++;
        } else {
          depth = this.enter(depth + 1, to);
        }
      }
    }
  }

  /** Where a route that names no edge leaves the packet (compiled.ts): delivered, dropped, or out to the Internet. */
  private actionOutcome(node: number, action: number): number {
    switch (action) {
      case DELIVER: return this.topology.nodes[node]!.site === this.probe.site ? DELIVERED : DELIVERED_ELSEWHERE;
      case DROP: return NULL_ROUTED;
      case INTERNET: return EXITS_NETWORK;
      case UNROUTABLE: return NO_ROUTE;
      default: throw new Error(`unknown route action ${action}`);
    }
  }

  /** Puts `node` on the way at `depth` (frames are reused: a walk allocates them once); returns the depth. */
  private enter(depth: number, node: number): number {
    if (++this.expansions > MAX_EXPANSIONS) {
      throw new Error(`Forwarding toward ${formatAddress(this.probe.address)} explodes: more than ${MAX_EXPANSIONS} node expansions (ECMP inside forwarding loops)`);
    }
    const prefix = this.fib.match(node, this.probe.covering);
    const routes = prefix < 0 ? NO_ROUTES : this.fib.routes(prefix, node);
    this.onWay[node] = 1;
    const frame = this.frames[depth];
    if (!frame) {
      this.frames[depth] = { node, prefix, routes, next: 0, parts: [], clean: true };
    } else {
      frame.node = node;
      frame.prefix = prefix;
      frame.routes = routes;
      frame.next = 0;
      frame.parts.length = 0;
      frame.clean = true;
    }
    return depth;
  }
}

const NO_ROUTES: readonly Route[] = [];
