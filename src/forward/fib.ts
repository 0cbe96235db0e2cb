import { UNROUTABLE, type CompiledTopology } from '../model/compiled.js';
import { reservedRoutesRemoved } from '../control/reserved-ranges.js';
import type { Route } from '../control/route.js';
import { MAX_MATCHES, PrefixTrie } from './prefix-trie.js';

/** What the FIB reads: the routes a node installed for a prefix (a scenario's state over the baseline's). */
export interface InstalledRoutes {
  installed(prefix: number, node: number): readonly Route[] | undefined;
}

/**
 * Every node's forwarding table for one scenario. The prefixes of a topology are fixed, so one radix trie over
 * them (built once per topology) answers "which prefixes contain this address, most specific first"; a node's
 * longest-prefix match is the first of those it installed. Nothing is rebuilt per scenario: the routing state
 * says what each node installed.
 */
export class Fib {
  private readonly matches = new Int32Array(MAX_MATCHES);

  private readonly installed: (prefix: number, node: number) => readonly Route[] | undefined;

  constructor(private readonly topology: CompiledTopology, private readonly trie: PrefixTrie, private readonly routing: InstalledRoutes) {
    this.installed = (prefix, node) => routing.installed(prefix, node);
  }

  static trieFor(topology: CompiledTopology): PrefixTrie {
    return PrefixTrie.build(topology.prefixes);
  }

  /** The prefixes containing `address`, most specific first: what every lookup of that address walks. */
  covering(address: number): Int32Array {
    const count = this.trie.matchAll(address, this.matches);
    return this.matches.slice(0, count);
  }

  /**
   * Longest-prefix match at `node` among `covering` (from covering()): the prefix, or -1 for no route. A reserved
   * range's default None route is passed over where the table's own 0.0.0.0/0 has removed it (reserved-ranges.ts).
   */
  match(node: number, covering: Int32Array): number {
    for (let i = 0; i < covering.length; i++) {
      const routes = this.routing.installed(covering[i]!, node);
      if (!routes) continue;
      if (routes[0]!.out === UNROUTABLE && reservedRoutesRemoved(this.topology, this.installed, node)) continue;
      return covering[i]!;
    }
    return -1;
  }

  routes(prefix: number, node: number): readonly Route[] {
    return this.routing.installed(prefix, node) ?? [];
  }
}
