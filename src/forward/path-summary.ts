import type { CompiledTopology } from '../model/compiled.js';
import type { Fib } from './fib.js';
import { decide, MAX_BRANCHES, MAX_HOPS, type Outcome } from './trace.js';

/**
 * What a verdict needs from a node toward one address, without the branches: the first failing outcome in
 * branch order (null when every branch is delivered) and the delivered paths as sorted unique keys
 * (failure-unit indices joined by commas; '' for a path that crosses none).
 */
export interface Summary {
  outcome: Outcome | null;
  keys: string[];
}

/**
 * The cheap walker a failure scenario retraces with: same decisions and memoisation as Tracer, but each node
 * remembers only its Summary. Prefixing every key of a sorted list with the same unit keeps it sorted, so a
 * node merges lists only where ECMP splits.
 */
export class PathSummary {
  private readonly memo = new Map<number, Summary>();

  constructor(
    private readonly topology: CompiledTopology,
    private readonly fib: Fib,
    private readonly address: number,
    private readonly dstSite: number,
  ) {}

  from(node: number): Summary {
    return this.walk(node, new Set()).summary;
  }

  private walk(node: number, onPath: Set<number>): { summary: Summary; clean: boolean } {
    const cached = this.memo.get(node);
    if (cached) return { summary: cached, clean: true };
    onPath.add(node);
    let outcome: Outcome | null = null;
    const lists: string[][] = [];
    let clean = true;
    for (const decision of decide(this.topology, this.fib, node, this.address, this.dstSite)) {
      if (decision.kind === 'end') {
        if (decision.outcome === 'DELIVERED') lists.push(['']);
        else outcome ??= decision.outcome;
        continue;
      }
      if (onPath.has(decision.next) || onPath.size >= MAX_HOPS) {
        outcome ??= 'LOOP';
        clean = false;
        continue;
      }
      const sub = this.walk(decision.next, onPath);
      clean &&= sub.clean;
      outcome ??= sub.summary.outcome;
      const unit = this.topology.edges[decision.step.edge]!.unit;
      lists.push(unit < 0 ? sub.summary.keys : sub.summary.keys.map((k) => (k === '' ? `${unit}` : `${unit},${k}`)));
    }
    onPath.delete(node);
    const summary: Summary = { outcome, keys: merge(lists) };
    if (clean) this.memo.set(node, summary);
    return { summary, clean };
  }
}

/** Sorted, unique, capped like Tracer's branches. */
export function merge(lists: readonly string[][]): string[] {
  if (lists.length === 1) return lists[0]!.length > MAX_BRANCHES ? lists[0]!.slice(0, MAX_BRANCHES) : lists[0]!;
  return [...new Set(lists.flat())].sort().slice(0, MAX_BRANCHES);
}
