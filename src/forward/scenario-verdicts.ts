import type { CompiledTopology } from '../model/compiled.js';
import type { Fib } from './fib.js';
import type { ForwardingBaseline } from './forwarding-baseline.js';
import type { PathSets } from './path-sets.js';
import { joinVerdicts, verdictFold, type Verdict } from './verdict.js';
import { Walk, type Memo } from './walk.js';

/** A scenario's verdicts where they differ from the baseline's, by pair key (src * siteCount + dst). */
export type VerdictChanges = ReadonlyMap<number, Verdict>;

export interface ScenarioVerdicts {
  changes: VerdictChanges;
  /**
   * The pairs (src * siteCount + dst) toward one of whose probes the source's verdict changed, even where the
   * pair's joined verdict did not: what another failure's changes to the destination's other probes would
   * combine with (analysis/composition.ts).
   */
  touched: readonly number[];
}

/**
 * The verdicts of a failure scenario, from the baseline's. A node's decision toward a probe changes only when
 * its routes for a prefix covering the probe's address changed, and a node's entry only when a changed node
 * is downstream of it: every other entry is the baseline's. So only probes covered by a changed prefix are
 * walked again, and in them only the nodes upstream of a changed node (found on the baseline's reverse
 * graph: a node that reaches a changed node now reached it before, over unchanged nodes).
 * `changedNodes` maps each changed prefix to the nodes whose routes for it changed.
 */
export function incrementalVerdicts(
  topology: CompiledTopology, base: ForwardingBaseline, fib: Fib, sets: PathSets, changedNodes: ReadonlyMap<number, readonly number[]>,
): ScenarioVerdicts {
  const dirty = new Map<number, Set<number>>();
  for (const [prefix, nodes] of changedNodes) {
    for (const probe of base.probesByPrefix[prefix]!) {
      let set = dirty.get(probe);
      if (!set) dirty.set(probe, (set = new Set()));
      for (const n of nodes) set.add(n);
    }
  }
  const fold = verdictFold(topology, sets);
  const marks = new Uint8Array(topology.nodes.length);
  const scratch = new Uint8Array(topology.nodes.length);
  const allSites = topology.sites.map((_, s) => s);
  const probeVerdicts = new Map<number, Map<number, Verdict>>();
  for (const probe of [...dirty.keys()].sort((a, b) => a - b)) {
    if (base.isCyclic(probe)) {
      // Entries inside loops depend on the way in: walk such a probe whole.
      const walk = new Walk(topology, fib, base.probes[probe]!, fold, new Map<number, Verdict>(), scratch);
      probeVerdicts.set(probe, siteVerdicts(topology, walk, allSites));
      continue;
    }
    const upstream = markUpstream(base, probe, dirty.get(probe)!, marks);
    const walk = new Walk(topology, fib, base.probes[probe]!, fold, upstreamMemo(base, probe, marks), scratch);
    const sites = upstream.map((node) => base.siteAt[node]!).filter((s) => s >= 0).sort((a, b) => a - b);
    probeVerdicts.set(probe, siteVerdicts(topology, walk, sites));
    for (const node of upstream) marks[node] = 0;
  }
  return changesFrom(topology, base, sets, probeVerdicts);
}

/**
 * The reference for incrementalVerdicts: every probe walked whole over the scenario's routes, every pair
 * compared with the baseline.
 */
export function fullVerdicts(topology: CompiledTopology, base: ForwardingBaseline, fib: Fib, sets: PathSets): ScenarioVerdicts {
  const fold = verdictFold(topology, sets);
  const allSites = topology.sites.map((_, s) => s);
  const probeVerdicts = new Map<number, Map<number, Verdict>>();
  base.probes.forEach((probe, q) => {
    probeVerdicts.set(q, siteVerdicts(topology, new Walk(topology, fib, probe, fold, new Map<number, Verdict>()), allSites));
  });
  return changesFrom(topology, base, sets, probeVerdicts);
}

/**
 * Marks the nodes upstream of `changed` toward `probe` in the baseline (themselves included) in `marks`, which
 * must be clear; returns them, `changed` first.
 */
export function markUpstream(base: ForwardingBaseline, probe: number, changed: Iterable<number>, marks: Uint8Array): number[] {
  const queue = [...changed];
  for (const node of queue) marks[node] = 1;
  for (let i = 0; i < queue.length; i++) {
    for (const from of base.predecessors(probe, queue[i]!)) {
      if (marks[from]) continue;
      marks[from] = 1;
      queue.push(from);
    }
  }
  return queue;
}

/** Entries a walk computes for marked nodes, the baseline's for the others. */
function upstreamMemo(base: ForwardingBaseline, probe: number, marks: Uint8Array): Memo<Verdict> {
  const fresh = new Map<number, Verdict>();
  return {
    get: (node) => (marks[node] ? fresh.get(node) : base.entry(probe, node)),
    set: (node, v) => { if (marks[node]) fresh.set(node, v); },
  };
}

/** The entries of the given sites' nodes, by site. */
function siteVerdicts(topology: CompiledTopology, walk: Walk<Verdict>, sites: readonly number[]): Map<number, Verdict> {
  const verdicts = new Map<number, Verdict>();
  for (const s of sites) verdicts.set(s, walk.from(topology.sites[s]!.node));
  return verdicts;
}

/** Pair verdicts from new probe entries (the other probes keep their baseline's), kept where they changed. */
function changesFrom(
  topology: CompiledTopology, base: ForwardingBaseline, sets: PathSets, probeVerdicts: ReadonlyMap<number, ReadonlyMap<number, Verdict>>,
): ScenarioVerdicts {
  const siteCount = topology.sites.length;
  const changes = new Map<number, Verdict>();
  const touched = new Set<number>();
  for (const [probe, verdicts] of probeVerdicts) {
    const dst = base.probes[probe]!.site;
    for (const [src, v] of verdicts) if (v !== base.entry(probe, topology.sites[src]!.node)) touched.add(src * siteCount + dst);
  }
  const keep = (src: number, dst: number, v: Verdict): void => {
    if (v !== base.pair(src, dst)) changes.set(src * siteCount + dst, v);
  };
  const destinations = new Set([...probeVerdicts.keys()].map((probe) => base.probes[probe]!.site));
  for (const dst of destinations) {
    const probes = base.probesOfSite[dst]!;
    if (probes.length === 1) {
      for (const [src, v] of probeVerdicts.get(probes[0]!)!) keep(src, dst, v);
      continue;
    }
    const sources = new Set(probes.flatMap((q) => [...(probeVerdicts.get(q)?.keys() ?? [])]));
    for (const src of sources) {
      keep(src, dst, joinVerdicts(sets, probes.map((q) => probeVerdicts.get(q)?.get(src) ?? base.entry(q, topology.sites[src]!.node)!)));
    }
  }
  return { changes, touched: [...touched].sort((a, b) => a - b) };
}
