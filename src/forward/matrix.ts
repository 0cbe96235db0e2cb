import type { CompiledTopology } from '../model/compiled.js';
import { MAX_MATCHES, type PrefixTrie } from './prefix-trie.js';
import type { Fib } from './fib.js';
import { Tracer, type Branch, type Outcome } from './trace.js';

/** The verdict for one directed pair of sites. */
export interface PairVerdict {
  outcome: Outcome;
  /** Delivered branches as sequences of failure-unit indices, deduplicated, in a stable order. */
  paths: number[][];
  /** `paths` as comparable keys, sorted. */
  pathKeys: string[];
  /** The branches themselves (hops), kept only when asked for: they cost memory on big sweeps. */
  branches?: Branch[];
}

/** All-pairs verdicts of one scenario: verdicts[src * siteCount + dst]. */
export class Matrix {
  constructor(readonly siteCount: number, readonly verdicts: readonly PairVerdict[]) {}

  at(src: number, dst: number): PairVerdict {
    return this.verdicts[src * this.siteCount + dst]!;
  }

  reachable(src: number, dst: number): boolean {
    return this.at(src, dst).outcome === 'DELIVERED';
  }

  /** Both ways delivered over the same units (reversed), ECMP compared as sets; null unless both delivered. */
  symmetric(a: number, b: number): boolean | null {
    const there = this.at(a, b);
    const back = this.at(b, a);
    if (there.outcome !== 'DELIVERED' || back.outcome !== 'DELIVERED') return null;
    const reversed = back.paths.map((p) => keyOf([...p].reverse())).sort();
    return reversed.length === there.pathKeys.length && reversed.every((k, i) => k === there.pathKeys[i]);
  }
}

export function keyOf(path: readonly number[]): string {
  return path.join(',');
}

/** Prefix indices containing any test address of each site: what a site's column depends on. */
export function coveringPrefixes(topology: CompiledTopology, trie: PrefixTrie): number[][] {
  const buffer = new Int32Array(MAX_MATCHES);
  return topology.sites.map((site) => {
    const covering = new Set<number>();
    for (const address of site.testAddresses) {
      const count = trie.matchAll(address, buffer);
      for (let i = 0; i < count; i++) covering.add(buffer[i]!);
    }
    return [...covering];
  });
}

export interface MatrixOptions {
  keepBranches?: boolean;
  /** Recompute only these destination columns and take the others from `base`. */
  columns?: readonly number[];
  base?: Matrix;
}

/**
 * Reachability per destination over the forwarding graph: one memoised Tracer per destination address serves
 * every source, instead of tracing pair by pair.
 */
export function computeMatrix(topology: CompiledTopology, fib: Fib, options: MatrixOptions = {}): Matrix {
  const n = topology.sites.length;
  const verdicts: PairVerdict[] = options.base ? [...options.base.verdicts] : new Array<PairVerdict>(n * n);
  const columns = options.columns ?? topology.sites.map((_, i) => i);
  for (const dst of columns) {
    const tracers = topology.sites[dst]!.testAddresses.map((address) => new Tracer(topology, fib, address, dst));
    for (let src = 0; src < n; src++) {
      const branches = tracers.flatMap((t) => t.from(topology.sites[src]!.node));
      verdicts[src * n + dst] = verdictOf(topology, branches, options.keepBranches ?? false);
    }
  }
  return new Matrix(n, verdicts);
}

function verdictOf(topology: CompiledTopology, branches: Branch[], keepBranches: boolean): PairVerdict {
  const failedBranch = branches.find((b) => b.outcome !== 'DELIVERED');
  const byKey = new Map<string, number[]>();
  for (const branch of branches) {
    if (branch.outcome !== 'DELIVERED') continue;
    const units = branch.steps.map((s) => topology.edges[s.edge]!.unit).filter((u) => u >= 0);
    byKey.set(keyOf(units), units);
  }
  const pathKeys = [...byKey.keys()].sort();
  const verdict: PairVerdict = {
    outcome: failedBranch?.outcome ?? (branches.length > 0 ? 'DELIVERED' : 'NO_ROUTE'),
    paths: pathKeys.map((k) => byKey.get(k)!),
    pathKeys,
  };
  if (keepBranches) verdict.branches = branches;
  return verdict;
}
