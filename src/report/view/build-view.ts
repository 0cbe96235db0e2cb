import type { RunDigest, ScenarioDigest } from '../read/run-digest.js';
import type { AsymmetricPathsIn } from '../read/run-records.js';
import { isFlagged, thresholdOf } from './asymmetry-class.js';
import { baselineView } from './baseline-view.js';
import { matrixCodes } from './cells.js';
import { designFindings } from './design-findings.js';
import { heatmapView } from './heatmap-view.js';
import { pairShape } from './pair-shape.js';
import { asymmetryGroups, moveGroups } from './path-changes.js';
import type { ReportView, ScenarioAsymmetry, ScenarioMoves, Warning } from './report-view.js';
import { resilienceView } from './resilience.js';
import { siteGroups } from './site-groups.js';
import { siteContext, type SiteContext } from './site-set.js';
import { spofView } from './spof.js';

/** Without single failures, the failover moves of this many top-ranked scenarios are shown. */
const MOVE_SCENARIOS_WITHOUT_SINGLES = 20;

export function buildView(digest: RunDigest): ReportView {
  const { run, baseline, summary } = digest;
  const threshold = thresholdOf(run, baseline);
  const codes = matrixCodes(baseline, threshold);
  const groups = siteGroups(run.sites, run.siteDetails);
  const ctx = siteContext(run.sites, groups);
  const ranked = [...digest.ranked.values()];
  const heatmap = heatmapView(run.sites, codes, ranked, threshold);
  const heatmapIndex = new Map(heatmap.scenarios.map((s, i) => [s.id, i]));
  const perScenario = digest.singles.length > 0 ? digest.singles : ranked.slice(0, MOVE_SCENARIOS_WITHOUT_SINGLES);
  const baselineSummary = baselineView(codes, baseline, summary, ctx);
  const spof = summary.singlePointsOfFailure && spofView(summary.singlePointsOfFailure, codes, ctx);
  const isolated = new Map(spof?.isolations.flatMap((g) => g.units.map((i) => [i.unit, i.site] as const)));
  const flagged = (p: AsymmetricPathsIn): boolean => !p.class || !threshold || isFlagged(p.class, threshold);
  return {
    topology: run.topology,
    file: digest.file,
    sites: run.sites,
    groups,
    facts: {
      failureUnits: run.failureUnits.length, disabledUnits: run.disabledUnits, planned: run.scenarios, maxFailures: run.maxFailures,
      scenarioRecords: run.scenarioRecords, run: summary.scenarios.run, derived: summary.scenarios.derived ?? 0, skipped: summary.scenarios.skipped ?? 0,
      written: summary.scenarios.written, unchanged: summary.scenarios.unchanged, errors: summary.scenarios.errors,
      notConverged: summary.scenarios.notConverged, pairRecords: digest.pairRecords, partial: summary.partial,
    },
    warnings: warnings(digest),
    threshold,
    resilience: resilienceView(digest, { ctx, spofTold: spof !== undefined }),
    spof,
    designFindings: designFindings(run.designFindings),
    criticalNodes: baseline.criticalNodes.map((c) => ({ node: c.node, kind: c.kind, pairs: c.pairCount, listed: pairShape(c.pairs, ctx), listedCount: c.pairs.length })),
    noEffect: run.scenarioRecords === 'irreducible' || !spof ? undefined : digest.singles.filter(changesNothing).map((s) => s.failed[0]!),
    baseline: baselineSummary,
    ranking: summary.ranking.map((entry) => {
      const detail = digest.ranked.get(entry.id);
      return {
        entry, lost: detail?.complete ? pairShape(detail.lost, ctx) : undefined, isolates: entry.failed.length === 1 ? isolated.get(entry.failed[0]!) : undefined,
        gained: detail?.counts.gained ?? 0, heatmap: heatmapIndex.get(entry.id),
      };
    }),
    rankingOmitted: summary.rankingOmitted,
    moves: perScenario.filter((s) => s.moves.length > 0)
      .map((s): ScenarioMoves => ({ failed: s.failed, rerouted: s.counts.rerouted, listed: s.moves.length, groups: moveGroups(s.moves, ctx) }))
      .sort((x, y) => y.rerouted - x.rerouted),
    asymmetry: asymmetrySections(digest, perScenario, flagged, baselineSummary.asymmetric, ctx),
    heatmap,
  };
}

/**
 * The baseline's asymmetric pairs, then those each failure makes newly asymmetric, with the paths the records
 * list: only pairs at or above the threshold (a run lists the others too, with their class).
 */
function asymmetrySections(digest: RunDigest, scenarios: ScenarioDigest[], flagged: (p: AsymmetricPathsIn) => boolean, asymmetric: number, ctx: SiteContext): ScenarioAsymmetry[] {
  const section = (failed: string[] | undefined, pairs: number, paths: AsymmetricPathsIn[]): ScenarioAsymmetry[] => {
    const listed = paths.filter(flagged);
    return listed.length ? [{ failed, pairs, listed: listed.length, groups: asymmetryGroups(listed, ctx) }] : [];
  };
  return [
    ...section(undefined, asymmetric, digest.baseline.asymmetricPaths),
    ...scenarios.flatMap((s) => section(s.failed, s.counts.asymmetric, s.asymmetricPaths)),
  ];
}

function warnings(digest: RunDigest): Warning[] {
  const { summary, baseline } = digest;
  const out: Warning[] = [];
  if (summary.partial) out.push({ kind: 'partial', ran: summary.scenarios.run, total: summary.scenarios.total });
  if (summary.scenarios.errors > 0) out.push({ kind: 'errors', count: summary.scenarios.errors, first: digest.errors[0] });
  if (!baseline.converged) out.push({ kind: 'baseline-not-converged', prefixes: baseline.notConverged });
  if (summary.scenarios.notConverged > 0) out.push({ kind: 'scenarios-not-converged', count: summary.scenarios.notConverged });
  const missing = summary.ranking.filter((e) => !digest.ranked.has(e.id)).length;
  if (missing > 0) out.push({ kind: 'ranked-without-record', count: missing });
  return out;
}

function changesNothing(s: ScenarioDigest): boolean {
  const c = s.counts;
  return c.lost + c.gained + c.rerouted + c.asymmetric + c.symmetricAgain === 0;
}
