import type { CompiledTopology } from '../model/compiled.js';
import { DELIVERED, LOOP, NO_ROUTE } from './outcome.js';
import { PathSets } from './path-sets.js';
import type { Fold } from './walk.js';

/**
 * A verdict in one number: what happens to packets from a node (or a site) toward a destination. The low
 * three bits are the first failing outcome in branch order (an outcome.ts code; 0 when every branch is
 * delivered), the rest the set of delivered paths (a PathSets id). One small integer per entry keeps the
 * tables flat and the engine free of boxed numbers.
 */
export type Verdict = number;

const FAILURE_BITS = 8;

export function verdict(outcome: number, set: number): Verdict {
  return set * FAILURE_BITS + outcome;
}

/** The first failing outcome (0: none failed). */
export function failureOf(v: Verdict): number {
  return v % FAILURE_BITS;
}

export function pathSetOf(v: Verdict): number {
  return Math.floor(v / FAILURE_BITS);
}

/**
 * The outcome of a pair: its first failure, else DELIVERED when some path was delivered. A pair is reachable
 * only when every branch toward every probe of the destination is delivered.
 */
export function outcomeOf(v: Verdict): number {
  const failure = failureOf(v);
  if (failure !== 0) return failure;
  return pathSetOf(v) === PathSets.EMPTY ? NO_ROUTE : DELIVERED;
}

/** Verdicts folded over the forwarding graph: a step puts its failure units in front of the paths after it. */
export function verdictFold(topology: CompiledTopology, sets: PathSets): Fold<Verdict> {
  return {
    end: (_node, outcome) => (outcome === DELIVERED ? verdict(0, PathSets.EMPTY_PATH) : verdict(outcome, PathSets.EMPTY)),
    loop: () => verdict(LOOP, PathSets.EMPTY),
    step: (_node, _prefix, route, then) => {
      const units = topology.edges[route.out]!.units;
      let set = pathSetOf(then);
      for (let i = units.length - 1; i >= 0; i--) set = sets.prefix(units[i]!, set);
      return units.length === 0 ? then : verdict(failureOf(then), set);
    },
    join: (_node, parts) => joinVerdicts(sets, parts),
  };
}

/** Several verdicts as one (ECMP branches at a node, or the probes of a destination), in order. */
export function joinVerdicts(sets: PathSets, parts: readonly Verdict[]): Verdict {
  if (parts.length === 1) return parts[0]!;
  let failure = 0;
  let set = PathSets.EMPTY;
  for (const part of parts) {
    if (failure === 0) failure = failureOf(part);
    set = sets.union(set, pathSetOf(part));
  }
  return verdict(failure, set);
}
