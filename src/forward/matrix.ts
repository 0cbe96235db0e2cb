import type { CompiledTopology } from '../model/compiled.js';
import { MAX_MATCHES, type PrefixTrie } from './prefix-trie.js';
import type { Fib } from './fib.js';
import { Tracer, type Branch, type Outcome } from './trace.js';

export type SitePair = [src: number, dst: number];

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

/**
 * The nodes whose forwarding decisions each pair's traces used, flat: pair i's nodes are
 * nodes[offsets[i]] .. nodes[offsets[i + 1] - 1]. One array for all pairs, not one per pair.
 */
export interface Visits {
  offsets: Int32Array;
  nodes: Int32Array;
}

/** All-pairs verdicts of one scenario: verdicts[src * siteCount + dst]. */
export class Matrix {
  constructor(readonly siteCount: number, readonly verdicts: readonly PairVerdict[], readonly visits?: Visits) {}

  /** The nodes the pair's traces used (needs visits, which the baseline records). */
  visitedBy(src: number, dst: number): Int32Array {
    const { offsets, nodes } = this.visits!;
    const i = src * this.siteCount + dst;
    return nodes.subarray(offsets[i]!, offsets[i + 1]!);
  }

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
  /** Record the nodes each pair's traces visit (the baseline does, so a scenario can tell which pairs to retrace). */
  recordVisits?: boolean;
  /** Sees each pair's branches once, before they are dropped (unless keepBranches). */
  onBranches?: (src: number, dst: number, branches: readonly Branch[]) => void;
}

/**
 * Reachability per destination over the forwarding graph: one memoised Tracer per destination address serves
 * every source, instead of tracing pair by pair.
 */
export function computeMatrix(topology: CompiledTopology, fib: Fib, options: MatrixOptions = {}): Matrix {
  const n = topology.sites.length;
  const verdicts = new Array<PairVerdict>(n * n);
  const visited = options.recordVisits ? new Array<number[]>(n * n) : undefined;
  for (let dst = 0; dst < n; dst++) {
    const tracers = tracersFor(topology, fib, dst);
    for (let src = 0; src < n; src++) {
      const branches = tracers.flatMap((t) => t.from(topology.sites[src]!.node));
      verdicts[src * n + dst] = verdictOf(topology, branches, options.keepBranches ?? false);
      if (visited) visited[src * n + dst] = visitedNodes(branches);
      options.onBranches?.(src, dst, branches);
    }
  }
  return new Matrix(n, verdicts, visited && flatten(visited));
}

/** Which sources to retrace toward which destination. */
export interface Retrace {
  dst: number;
  sources: readonly number[];
}

/**
 * A scenario's matrix from the baseline's: only the listed pairs are traced again, every other verdict is the
 * baseline's object. Returns the pairs whose verdict (outcome or paths) differs from the baseline.
 */
export function retracePairs(topology: CompiledTopology, fib: Fib, base: Matrix, work: readonly Retrace[]): { matrix: Matrix; changed: SitePair[] } {
  const n = topology.sites.length;
  const verdicts = [...base.verdicts];
  const changed: SitePair[] = [];
  // A changed verdict replaces the baseline's; the scenario matrix keeps no visits (only the baseline needs them).
  for (const { dst, sources } of work) {
    const tracers = tracersFor(topology, fib, dst);
    for (const src of sources) {
      const verdict = verdictOf(topology, tracers.flatMap((t) => t.from(topology.sites[src]!.node)), false);
      const was = base.at(src, dst);
      if (verdict.outcome === was.outcome && sameKeys(verdict.pathKeys, was.pathKeys)) continue;
      verdicts[src * n + dst] = verdict;
      changed.push([src, dst]);
    }
  }
  return { matrix: new Matrix(n, verdicts), changed };
}

function tracersFor(topology: CompiledTopology, fib: Fib, dst: number): Tracer[] {
  return topology.sites[dst]!.testAddresses.map((address) => new Tracer(topology, fib, address, dst));
}

/** Every node that made a forwarding decision on some branch: where each step left from, and where it ended. */
function visitedNodes(branches: readonly Branch[]): number[] {
  const nodes = new Set<number>();
  for (const branch of branches) {
    for (const step of branch.steps) nodes.add(step.node);
    nodes.add(branch.end);
  }
  return [...nodes];
}

function flatten(lists: number[][]): Visits {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => { offsets[i + 1] = offsets[i]! + list.length; });
  const nodes = new Int32Array(offsets[lists.length]!);
  lists.forEach((list, i) => nodes.set(list, offsets[i]!));
  return { offsets, nodes };
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
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
