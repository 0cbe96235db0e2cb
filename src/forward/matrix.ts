import type { CompiledTopology } from '../model/compiled.js';
import { MAX_MATCHES, type PrefixTrie } from './prefix-trie.js';
import type { Fib } from './fib.js';
import { PathSets, keysOf } from './path-sets.js';
import { merge, PathSummary } from './path-summary.js';
import { Tracer, type Branch, type Outcome } from './trace.js';

export type SitePair = [src: number, dst: number];

/** Outcome codes as stored in a matrix (index into this list). */
export const OUTCOMES: readonly Outcome[] = ['DELIVERED', 'DELIVERED_ELSEWHERE', 'NO_ROUTE', 'NULL_ROUTED', 'LOOP'];
const DELIVERED = 0;

/** The verdict for one directed pair of sites, as records read it. */
export interface PairVerdict {
  outcome: Outcome;
  /** Delivered branches as sequences of failure-unit indices, deduplicated, in a stable order. */
  paths: readonly (readonly number[])[];
  /** The branches themselves (hops), when the matrix kept them. */
  branches?: readonly Branch[];
}

/**
 * All-pairs verdicts of one scenario, pair i = src * siteCount + dst, as two typed arrays: the outcome code
 * and the interned path set. No object per pair: a 500-site matrix is 1.25 MB, and a scenario's matrix is the
 * baseline's arrays copied with a few cells rewritten.
 */
export class Matrix {
  constructor(
    readonly siteCount: number,
    readonly outcomes: Uint8Array,
    readonly pathSets: Int32Array,
    readonly sets: PathSets,
    private readonly branches?: readonly (readonly Branch[] | undefined)[],
  ) {}

  at(src: number, dst: number): PairVerdict {
    const i = src * this.siteCount + dst;
    const branches = this.branches?.[i];
    return { outcome: OUTCOMES[this.outcomes[i]!]!, paths: this.sets.paths(this.pathSets[i]!), ...(branches ? { branches } : {}) };
  }

  reachable(src: number, dst: number): boolean {
    return this.outcomes[src * this.siteCount + dst] === DELIVERED;
  }

  /** Same verdict as another matrix's (sharing its path sets, or overlaying them) for this pair. */
  sameAs(other: Matrix, src: number, dst: number): boolean {
    const i = src * this.siteCount + dst;
    return this.outcomes[i] === other.outcomes[i] && this.pathSets[i] === other.pathSets[i];
  }

  /** Both ways delivered over the same units (reversed), ECMP compared as sets; null unless both delivered. */
  symmetric(a: number, b: number): boolean | null {
    if (!this.reachable(a, b) || !this.reachable(b, a)) return null;
    return this.sets.reversed(this.pathSets[b * this.siteCount + a]!) === this.pathSets[a * this.siteCount + b];
  }
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
  /** Sees each pair's branches once, in destination then source order, before they are dropped (unless keepBranches). */
  onBranches?: (src: number, dst: number, branches: readonly Branch[]) => void;
  /** Intern path sets over this table (a scenario over the baseline's), so equal sets get equal ids. */
  over?: PathSets;
}

/**
 * Reachability per destination over the forwarding graph: one memoised Tracer per destination address serves
 * every source, instead of tracing pair by pair.
 */
export function computeMatrix(topology: CompiledTopology, fib: Fib, options: MatrixOptions = {}): Matrix {
  const n = topology.sites.length;
  const outcomes = new Uint8Array(n * n);
  const pathSets = new Int32Array(n * n);
  const sets = new PathSets(options.over);
  const kept = options.keepBranches ? new Array<Branch[]>(n * n) : undefined;
  for (let dst = 0; dst < n; dst++) {
    const tracers = tracersFor(topology, fib, dst);
    for (let src = 0; src < n; src++) {
      const i = src * n + dst;
      const branches = tracers.flatMap((t) => t.from(topology.sites[src]!.node));
      outcomes[i] = outcomeOf(branches);
      pathSets[i] = sets.intern(keysOf(deliveredPaths(topology, branches)));
      if (kept) kept[i] = branches;
      options.onBranches?.(src, dst, branches);
    }
  }
  // A root table is what scenarios overlay: it must not grow once they exist.
  if (!options.over) sets.seal();
  return new Matrix(n, outcomes, pathSets, sets, kept);
}

/** Which sources to retrace toward which destination. */
export interface Retrace {
  dst: number;
  sources: readonly number[];
}

/**
 * A scenario's matrix from the baseline's: only the listed pairs are traced again, every other verdict is the
 * baseline's. Returns the pairs whose verdict (outcome or paths) differs from the baseline.
 */
export function retracePairs(topology: CompiledTopology, fib: Fib, base: Matrix, work: readonly Retrace[]): { matrix: Matrix; changed: SitePair[] } {
  const n = topology.sites.length;
  const outcomes = base.outcomes.slice();
  const pathSets = base.pathSets.slice();
  const sets = new PathSets(base.sets);
  const changed: SitePair[] = [];
  for (const { dst, sources } of work) {
    const walkers = topology.sites[dst]!.testAddresses.map((address) => new PathSummary(topology, fib, address, dst));
    for (const src of sources) {
      const i = src * n + dst;
      const summaries = walkers.map((w) => w.from(topology.sites[src]!.node));
      const failed = summaries.find((s) => s.outcome !== null)?.outcome;
      const keys = merge(summaries.map((s) => s.keys));
      outcomes[i] = OUTCOMES.indexOf(failed ?? (keys.length > 0 ? 'DELIVERED' : 'NO_ROUTE'));
      pathSets[i] = sets.intern(keys);
      if (outcomes[i] !== base.outcomes[i] || pathSets[i] !== base.pathSets[i]) changed.push([src, dst]);
    }
  }
  return { matrix: new Matrix(n, outcomes, pathSets, sets), changed };
}

function tracersFor(topology: CompiledTopology, fib: Fib, dst: number): Tracer[] {
  return topology.sites[dst]!.testAddresses.map((address) => new Tracer(topology, fib, address, dst));
}

/** Delivered only when every branch of every probe is; otherwise the first failing branch's outcome. */
function outcomeOf(branches: readonly Branch[]): number {
  const failed = branches.find((b) => b.outcome !== 'DELIVERED');
  return OUTCOMES.indexOf(failed?.outcome ?? (branches.length > 0 ? 'DELIVERED' : 'NO_ROUTE'));
}

/** The failure units each delivered branch crosses (internal adjacencies have none). */
function deliveredPaths(topology: CompiledTopology, branches: readonly Branch[]): number[][] {
  return branches.filter((b) => b.outcome === 'DELIVERED')
    .map((b) => b.steps.map((s) => topology.edges[s.edge]!.unit).filter((u) => u >= 0));
}

