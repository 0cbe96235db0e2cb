import type { CompiledTopology, NodeKind } from '../model/compiled.js';
import { Int32List } from '../model/int32-list.js';
import type { Fib } from '../forward/fib.js';
import type { ForwardingBaseline } from '../forward/forwarding-baseline.js';
import { DELIVERED } from '../forward/outcome.js';
import { Walk, type Fold } from '../forward/walk.js';
import type { SitePair } from './diff.js';

/** A gateway or MSEE that every path of some pairs crosses. */
export interface CriticalNode {
  node: string;
  kind: NodeKind;
  /** How many pairs; `pairs` lists the first `limit` of them by source, then destination. */
  pairCount: number;
  pairs: SitePair[];
}

const WATCHED: ReadonlySet<NodeKind> = new Set(['ergw', 'vpngw', 'msee']);

/**
 * Toward one probe, per node: whether every branch is delivered, and which watched nodes every branch
 * enters, as a bit set over the watched nodes. Results are handles into one growing table of such sets (a
 * walk makes one per node and per decision), so the fold allocates nothing per node.
 */
class CrossedSets {
  readonly words: number;
  private readonly bits = new Int32List();
  private readonly delivered: number[] = [];

  constructor(watchedCount: number) {
    this.words = Math.max(1, Math.ceil(watchedCount / 32));
  }

  reset(): void {
    this.bits.length = 0;
    this.delivered.length = 0;
  }

  /** A new set: a copy of `from` (none: empty), with `bit` added (-1: none). */
  add(delivered: boolean, from: number, bit: number): number {
    const handle = this.delivered.length;
    this.delivered.push(delivered ? 1 : 0);
    for (let w = 0; w < this.words; w++) this.bits.push(from < 0 ? 0 : this.bits.at(from * this.words + w));
    if (bit >= 0) this.bits.set(handle * this.words + (bit >>> 5), this.bits.at(handle * this.words + (bit >>> 5)) | (1 << (bit & 31)));
    return handle;
  }

  /** The intersection of several sets, delivered only when all are. */
  meet(parts: readonly number[]): number {
    if (parts.length === 1) return parts[0]!;
    const handle = this.add(parts.every((p) => this.delivered[p] === 1), parts[0]!, -1);
    for (let w = 0; w < this.words; w++) {
      let word = this.bits.at(handle * this.words + w);
      for (const p of parts) word &= this.bits.at(p * this.words + w);
      this.bits.set(handle * this.words + w, word);
    }
    return handle;
  }

  isDelivered(handle: number): boolean {
    return this.delivered[handle] === 1;
  }

  /** The bits set in `handle`, in increasing order. */
  members(handle: number): number[] {
    const out: number[] = [];
    for (let w = 0; w < this.words; w++) {
      for (let word = this.bits.at(handle * this.words + w); word !== 0; word &= word - 1) out.push(w * 32 + (31 - Math.clz32(word & -word)));
    }
    return out;
  }
}

function crossedFold(topology: CompiledTopology, sets: CrossedSets, bitOf: Int32Array): Fold<number> {
  return {
    end: (_node, outcome) => sets.add(outcome === DELIVERED, -1, -1),
    loop: () => sets.add(false, -1, -1),
    step: (_node, _prefix, route, then) => {
      const bit = bitOf[topology.edges[route.out]!.to]!;
      return bit < 0 ? then : sets.add(sets.isDelivered(then), then, bit);
    },
    join: (_node, parts) => sets.meet(parts),
  };
}

/**
 * Gateways and MSEEs on every branch of a delivered pair: no failure unit of the file can route around them
 * (a gateway or an MSEE pair failing is not a unit here, so the sweep cannot show it; this does). Per node
 * only the first `limit` pairs are kept (and all counted), so an estate's millions of pairs cost no memory.
 */
export function criticalNodes(topology: CompiledTopology, fib: Fib, forwarding: ForwardingBaseline, limit: number): CriticalNode[] {
  const watched = topology.nodes.flatMap((node, i) => (WATCHED.has(node.kind) ? [i] : []));
  const bitOf = new Int32Array(topology.nodes.length).fill(-1);
  watched.forEach((node, bit) => { bitOf[node] = bit; });
  const sets = new CrossedSets(watched.length);
  const fold = crossedFold(topology, sets, bitOf);
  const found = new Map<number, { count: number; keys: number[] }>();
  const n = topology.sites.length;
  const scratch = new Uint8Array(topology.nodes.length);
  topology.sites.forEach((_, dst) => {
    sets.reset();
    const walks = forwarding.probesOfSite[dst]!.map((q) => new Walk(topology, fib, forwarding.probes[q]!, fold, new Map<number, number>(), scratch));
    for (let src = 0; src < n; src++) {
      if (src === dst) continue;
      const crossed = sets.meet(walks.map((w) => w.from(topology.sites[src]!.node)));
      if (!sets.isDelivered(crossed)) continue;
      for (const bit of sets.members(crossed)) {
        const node = watched[bit]!;
        let entry = found.get(node);
        if (!entry) found.set(node, (entry = { count: 0, keys: [] }));
        entry.count++;
        keepSmallest(entry.keys, src * n + dst, limit);
      }
    }
  });
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([node, { count, keys }]) => ({
    node: topology.nodes[node]!.name,
    kind: topology.nodes[node]!.kind,
    pairCount: count,
    pairs: keys.map((k): SitePair => [Math.floor(k / n), k % n]),
  }));
}

/** Inserts `key` into the sorted `keys`, keeping at most `limit` smallest. */
function keepSmallest(keys: number[], key: number, limit: number): void {
  if (keys.length >= limit && key > keys[keys.length - 1]!) return;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  keys.splice(lo, 0, key);
  if (keys.length > limit) keys.pop();
}
