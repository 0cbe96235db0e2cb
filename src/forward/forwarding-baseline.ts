import type { CompiledTopology } from '../model/compiled.js';
import { Int32List } from '../model/int32-list.js';
import type { PrefixTrie } from './prefix-trie.js';
import { Fib, type InstalledRoutes } from './fib.js';
import { PathSets, type PathSetArrays } from './path-sets.js';
import { DELIVERED } from './outcome.js';
import { failureOf, joinVerdicts, outcomeOf, pathSetOf, verdict, verdictFold, type Verdict } from './verdict.js';
import { Walk, type Memo, type Probe } from './walk.js';

/**
 * The baseline's verdicts, per destination over the forwarding graph: for every probe (a test address of a
 * site) and every node, what happens to packets from that node toward it, computed once bottom-up and
 * shared by every node that forwards there. A pair's verdict is its source's entry (joined over the
 * destination's probes). Flat typed arrays: the coordinator computes them once and shares them with every
 * worker, which reads them without copying.
 *
 * For failure scenarios it also keeps, per probe, who forwards to whom (the reverse graph): a change at a
 * node can only reach the nodes upstream of it.
 */
export interface ForwardingArrays {
  /** Per probe: entries entryFailure / entrySet[probe * nodeCount + node]; a failure of UNKNOWN means none. */
  entryFailure: Uint8Array;
  entrySet: Int32Array;
  /** The nodes that forward to `node` toward `probe`: pred[predStart[i] .. predStart[i + 1]), i = probe * nodeCount + node. */
  predStart: Int32Array;
  pred: Int32Array;
  /** 1 for probes whose forwarding graph has a loop: their entries depend on the way in, so a change recomputes them whole. */
  cyclic: Uint8Array;
  /** pairFailure / pairSet[src * siteCount + dst]: each pair's verdict. */
  pairFailure: Uint8Array;
  pairSet: Int32Array;
  /** pairSymmetry[src * siteCount + dst]: 1 symmetric, 0 asymmetric, 2 not delivered both ways. */
  pairSymmetry: Uint8Array;
  sets: PathSetArrays;
}

/** No entry: a node inside a forwarding loop, whose result depends on the way in. */
const UNKNOWN = 255;
const NOT_BOTH_WAYS = 2;

export class ForwardingBaseline {
  readonly probes: readonly Probe[];
  /** Per site: its probes' indices, in test-address order. */
  readonly probesOfSite: readonly (readonly number[])[];
  /** Per prefix: the probes whose address it contains (a change of the prefix may change their verdicts). */
  readonly probesByPrefix: readonly (readonly number[])[];
  readonly sets: PathSets;
  /** Per node: the site it stands for (a VNet's router, an on-prem LAN), -1 for the others. */
  readonly siteAt: Int32Array;
  readonly siteCount: number;
  private readonly nodeCount: number;

  constructor(topology: CompiledTopology, trie: PrefixTrie, readonly arrays: ForwardingArrays) {
    const plan = probesOf(topology, trie);
    this.probes = plan.probes;
    this.probesOfSite = plan.probesOfSite;
    this.probesByPrefix = plan.probesByPrefix;
    this.sets = PathSets.fromArrays(arrays.sets);
    this.siteAt = new Int32Array(topology.nodes.length).fill(-1);
    topology.sites.forEach((site, s) => { this.siteAt[site.node] = s; });
    this.nodeCount = topology.nodes.length;
    this.siteCount = topology.sites.length;
  }

  /** A node's baseline entry toward a probe; undefined inside a forwarding loop. */
  entry(probe: number, node: number): Verdict | undefined {
    const i = probe * this.nodeCount + node;
    const failure = this.arrays.entryFailure[i]!;
    return failure === UNKNOWN ? undefined : verdict(failure, this.arrays.entrySet[i]!);
  }

  pair(src: number, dst: number): Verdict {
    const i = src * this.siteCount + dst;
    return verdict(this.arrays.pairFailure[i]!, this.arrays.pairSet[i]!);
  }

  /** Both ways delivered over the same units reversed; null unless delivered both ways. */
  symmetric(a: number, b: number): boolean | null {
    const code = this.arrays.pairSymmetry[a * this.siteCount + b]!;
    return code === NOT_BOTH_WAYS ? null : code === 1;
  }

  /** The nodes that forward to `node` toward `probe` in the baseline. */
  predecessors(probe: number, node: number): Int32Array {
    const i = probe * this.nodeCount + node;
    return this.arrays.pred.subarray(this.arrays.predStart[i]!, this.arrays.predStart[i + 1]!);
  }

  isCyclic(probe: number): boolean {
    return this.arrays.cyclic[probe] === 1;
  }

  /** Walks every probe from every node over the baseline's routes. */
  static compute(topology: CompiledTopology, trie: PrefixTrie, routing: InstalledRoutes): ForwardingBaseline {
    const fib = new Fib(topology, trie, routing);
    const { probes, probesOfSite } = probesOf(topology, trie);
    const nodeCount = topology.nodes.length;
    const siteCount = topology.sites.length;
    // About one new set per (probe, node): sized so the table rarely grows.
    const sets = new PathSets(undefined, Math.max(1 << 16, (probes.length * nodeCount) >> 1));
    const fold = verdictFold(topology, sets);
    const entryFailure = new Uint8Array(probes.length * nodeCount).fill(UNKNOWN);
    const entrySet = new Int32Array(probes.length * nodeCount);
    const cyclic = new Uint8Array(probes.length);
    const pairFailure = new Uint8Array(siteCount * siteCount);
    const pairSet = new Int32Array(siteCount * siteCount);
    const reverse = new ReverseGraphs(nodeCount, probes.length);

    topology.sites.forEach((_, dst) => {
      const atSites = probesOfSite[dst]!.map((q) => {
        const base = q * nodeCount;
        const memo: Memo<Verdict> = {
          get: (node) => (entryFailure[base + node] === UNKNOWN ? undefined : verdict(entryFailure[base + node]!, entrySet[base + node]!)),
          set: (node, v) => { entryFailure[base + node] = failureOf(v); entrySet[base + node] = pathSetOf(v); },
        };
        const walk = new Walk(topology, fib, probes[q]!, fold, memo);
        for (let node = 0; node < nodeCount; node++) walk.from(node);
        const fromSites = topology.sites.map((site) => walk.from(site.node));
        if (walk.loops > 0) {
          // Entries inside loops depend on the way in; a site's own is the one a packet starting there gets.
          cyclic[q] = 1;
          topology.sites.forEach((site, s) => memo.set(site.node, fromSites[s]!));
        }
        reverse.add(q, fib, topology, probes[q]!);
        return fromSites;
      });
      for (let src = 0; src < siteCount; src++) {
        const v = atSites.length === 1 ? atSites[0]![src]! : joinVerdicts(sets, atSites.map((entries) => entries[src]!));
        pairFailure[src * siteCount + dst] = failureOf(v);
        pairSet[src * siteCount + dst] = pathSetOf(v);
      }
    });
    const { predStart, pred } = reverse.done();
    const pairSymmetry = symmetryOf(siteCount, sets, pairFailure, pairSet);
    return new ForwardingBaseline(topology, trie, {
      entryFailure, entrySet, predStart, pred, cyclic, pairFailure, pairSet, pairSymmetry, sets: sets.toArrays(),
    });
  }
}

/** Every pair's symmetry, decided once per unordered pair. */
function symmetryOf(siteCount: number, sets: PathSets, pairFailure: Uint8Array, pairSet: Int32Array): Uint8Array {
  const symmetry = new Uint8Array(siteCount * siteCount);
  const delivered = (i: number): boolean => outcomeOf(verdict(pairFailure[i]!, pairSet[i]!)) === DELIVERED;
  for (let a = 0; a < siteCount; a++) {
    for (let b = a; b < siteCount; b++) {
      const ab = a * siteCount + b;
      const ba = b * siteCount + a;
      const code = !delivered(ab) || !delivered(ba) ? NOT_BOTH_WAYS : sets.isReverseOf(pairSet[ba]!, pairSet[ab]!) ? 1 : 0;
      symmetry[ab] = code;
      symmetry[ba] = code;
    }
  }
  return symmetry;
}

/** The probes of a topology, site by site, and the prefixes covering each. */
function probesOf(topology: CompiledTopology, trie: PrefixTrie): {
  probes: Probe[]; probesOfSite: number[][]; probesByPrefix: number[][];
} {
  const fib = new Fib(topology, trie, { installed: () => undefined });
  const probes: Probe[] = [];
  const probesByPrefix: number[][] = topology.prefixes.map(() => []);
  const probesOfSite = topology.sites.map((site, s) => site.testAddresses.map((address) => {
    const covering = fib.covering(address);
    for (const p of covering) probesByPrefix[p]!.push(probes.length);
    probes.push({ site: s, address, covering });
    return probes.length - 1;
  }));
  return { probes, probesOfSite, probesByPrefix };
}

/** Per probe, who forwards to whom, collected probe by probe into one compressed table. */
class ReverseGraphs {
  private readonly predStart: Int32Array;
  private readonly pred = new Int32List();
  /** One probe's forwarding edges (from, to), and per node how many point to it: reused probe after probe. */
  private readonly edgeFrom = new Int32List();
  private readonly edgeTo = new Int32List();
  private readonly into: Int32Array;

  constructor(private readonly nodeCount: number, probeCount: number) {
    this.predStart = new Int32Array(probeCount * nodeCount + 1);
    this.into = new Int32Array(nodeCount + 1);
  }

  /** Probes must come in index order: each one's lists follow the previous one's. */
  add(probe: number, fib: Fib, topology: CompiledTopology, target: Probe): void {
    this.edgeFrom.length = 0;
    this.edgeTo.length = 0;
    this.into.fill(0);
    for (let node = 0; node < this.nodeCount; node++) {
      const prefix = fib.match(node, target.covering);
      if (prefix < 0) continue;
      for (const route of fib.routes(prefix, node)) {
        if (route.out < 0) continue;
        const to = topology.edges[route.out]!.to;
        this.edgeFrom.push(node);
        this.edgeTo.push(to);
        this.into[to + 1]!++;
      }
    }
    // Counting sort by target: node n's predecessors go to pred[start + into[n] ..].
    for (let node = 0; node < this.nodeCount; node++) this.into[node + 1]! += this.into[node]!;
    const start = this.pred.length;
    const base = probe * this.nodeCount;
    for (let node = 0; node <= this.nodeCount; node++) this.predStart[base + node] = start + this.into[node]!;
    for (let i = 0; i < this.edgeFrom.length; i++) this.pred.push(0);
    for (let i = 0; i < this.edgeFrom.length; i++) {
      const to = this.edgeTo.at(i);
      this.pred.set(start + this.into[to]!++, this.edgeFrom.at(i));
    }
  }

  done(): { predStart: Int32Array; pred: Int32Array } {
    return { predStart: this.predStart, pred: this.pred.done() };
  }
}
