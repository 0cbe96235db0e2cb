import type { CompiledTopology } from '../model/compiled.js';
import type { RoutingState } from '../control/routing-state.js';
import type { Route } from '../control/route.js';
import { MAX_MATCHES, PrefixTrie } from './prefix-trie.js';

/** The route a node forwards by for one destination, and the prefix it matched. */
export interface FibEntry {
  prefix: number;
  routes: readonly Route[];
}

/**
 * Every node's forwarding table for one scenario. The prefixes of a topology are fixed, so one radix trie over
 * them (built once per topology) answers "which prefixes contain this address, most specific first"; each
 * node's FIB is then a row of a flat table saying whether the node installed each prefix. A lookup walks the
 * matches and stops at the first one the node installed: longest-prefix match per node, with no per-node
 * trie to rebuild when a scenario changes a few prefixes.
 */
export class Fib {
  private readonly matches = new Int32Array(MAX_MATCHES);
  /** installed[node * prefixCount + prefix] = 1 when the node has a route for the prefix. */
  private readonly installed: Uint8Array;
  private readonly prefixCount: number;

  /**
   * A full FIB, or, given the baseline's and the nodes whose routes changed per prefix, the baseline's with
   * just those cells rewritten.
   */
  constructor(
    private readonly trie: PrefixTrie, private readonly state: RoutingState, nodeCount: number,
    base?: Fib, changed?: ReadonlyMap<number, readonly number[]>,
  ) {
    this.prefixCount = state.prefixes.length;
    if (base) {
      this.installed = base.installed.slice();
      for (const [p, nodes] of changed ?? []) for (const node of nodes) this.mark(node, p);
    } else {
      this.installed = new Uint8Array(nodeCount * this.prefixCount);
      for (let p = 0; p < this.prefixCount; p++) for (let node = 0; node < nodeCount; node++) this.mark(node, p);
    }
  }

  private mark(node: number, prefix: number): void {
    this.installed[node * this.prefixCount + prefix] = this.state.prefixes[prefix]!.best[node]?.length ? 1 : 0;
  }

  static trieFor(topology: CompiledTopology): PrefixTrie {
    return PrefixTrie.build(topology.prefixes);
  }

  /** Longest-prefix match of `address` at `node`; undefined when the node has no route (NO_ROUTE). */
  lookup(node: number, address: number): FibEntry | undefined {
    const count = this.trie.matchAll(address, this.matches);
    const row = node * this.prefixCount;
    for (let i = 0; i < count; i++) {
      const prefix = this.matches[i]!;
      if (this.installed[row + prefix]) return { prefix, routes: this.state.prefixes[prefix]!.best[node]! };
    }
    return undefined;
  }
}
