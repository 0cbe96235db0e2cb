import { expect } from 'vitest';
import { whatif } from './cli-process.js';

/**
 * A run of irreducible combinations (pruned: stub-cutting units skip, composable parts derive) against the
 * brute-force run (`--all-scenarios`: every combination simulated and written, each with what it adds beyond
 * its parts). The pruned run must write exactly the brute-force run's irreducible scenarios, byte for byte,
 * and the same cut sets and availability.
 */
function lines(stdout: string): string[] {
  return stdout.trimEnd().split('\n');
}

/** The pruned run's scenario counts (summary.scenarios). */
export interface ScenarioCounts {
  total: number;
  run: number;
  derived: number;
  skipped: number;
  written: number;
}

export function comparePrunedWithBruteForce(topology: string, k: number): { pruned: ScenarioCounts; written: number } {
  const pruned = whatif([topology, '--max-failures', String(k), '--workers', '2', '--availability-target', '99.99']);
  const brute = whatif([topology, '--max-failures', String(k), '--all-scenarios', '--workers', '2', '--availability-target', '99.99']);
  expect(pruned.status).toBe(0);
  expect(brute.status).toBe(0);
  const parse = (line: string): Record<string, unknown> => JSON.parse(line) as Record<string, unknown>;
  const of = (stdout: string, type: string): string[] => lines(stdout).filter((l) => parse(l).type === type);
  const irreducible = of(brute.stdout, 'scenario').filter((l) => {
    const r = parse(l);
    const adds = r.irreducible as { lost: unknown[]; asymmetric: unknown[] } | undefined;
    return r.id === 'baseline' || (adds !== undefined && adds.lost.length + adds.asymmetric.length > 0);
  });
  expect(of(pruned.stdout, 'scenario')).toEqual(irreducible);
  expect(of(pruned.stdout, 'resilience')).toEqual(of(brute.stdout, 'resilience'));
  const [prunedSummary, bruteSummary] = [pruned, brute].map((r) => parse(lines(r.stdout).at(-1)!));
  expect(prunedSummary!.resilience).toEqual(bruteSummary!.resilience);
  expect(prunedSummary!.singlePointsOfFailure).toEqual(bruteSummary!.singlePointsOfFailure);
  const scenarios = prunedSummary!.scenarios as ScenarioCounts;
  expect(scenarios.run + scenarios.derived + scenarios.skipped).toBe(scenarios.total);
  expect((bruteSummary!.scenarios as ScenarioCounts).run).toBe(scenarios.total);
  return { pruned: scenarios, written: irreducible.length - 1 };
}
