import type { ReportView, Warning } from '../view/report-view.js';
import type { Section } from './document.js';
import { plural, scenarioScope } from './labels.js';
import { ids, type Rich } from './rich.js';

/** "6 sites, 9 failure units (+1 disabled); 9 failure scenarios, one failed unit each; complete. Run file `x`." */
export function factsLine(view: ReportView): Rich {
  const f = view.facts;
  const disabled = f.disabledUnits.length ? ` (+${f.disabledUnits.length} disabled)` : '';
  return [`${plural(view.sites.length, 'site')}, ${plural(f.failureUnits, 'failure unit')}${disabled}; ${scenarioScope(f.maxFailures, f.planned)}; `,
    f.partial ? { strong: 'partial' } : 'complete', '. Run file ', { id: view.file }, '.'];
}

export function warningWords(w: Warning): Rich {
  switch (w.kind) {
    case 'partial': return [`Partial run: it was interrupted after ${w.ran} of ${w.total} failure scenarios. Every count below covers only the scenarios that ran.`];
    case 'errors': return [`${w.count} failure scenario(s) could not be computed (error records); they are missing from every count below.`,
      ...(w.first ? [' First: ', { id: w.first.scenario }, `: ${w.first.message}`] : [])];
    case 'baseline-not-converged': return ['The baseline did not converge: BGP oscillates for ', ...ids(w.prefixes), '. Verdicts on those prefixes are a snapshot, not a steady state.'];
    case 'scenarios-not-converged': return [`${w.count} failure scenario(s) did not converge (BGP oscillation).`];
    case 'ranked-without-record': return [`${w.count} ranked scenario(s) have no scenario record in the file: their details are not shown.`];
  }
}

export function runSection(view: ReportView): Section {
  const f = view.facts;
  return {
    id: 'run', title: 'Run',
    blocks: [{
      kind: 'list', items: [
        ['Topology ', { id: view.topology }, ', run file ', { id: view.file }, '.'],
        [`Sites (${view.sites.length}): `, ...ids(view.sites), '.'],
        [`Failure units: ${f.failureUnits} enabled; disabled (down in every scenario): `, ...(f.disabledUnits.length ? ids(f.disabledUnits) : ['none']), '.'],
        ...scenarioItems(view),
        [`Asymmetry: ${view.threshold ? `pairs differing at or above the ${view.threshold} class count as asymmetric` : 'the run does not classify it; every asymmetric pair counts'}.`],
        [`Pair records: ${f.pairRecords}. Status: ${f.partial ? 'partial (interrupted)' : 'complete'}.`],
      ],
    }],
  };
}

/** How many scenarios ran; in a run of irreducible scenarios, also how many were derived or skipped, and which are written. */
function scenarioItems(view: ReportView): Rich[] {
  const f = view.facts;
  const each = `up to ${plural(f.maxFailures, 'failed unit')} each`;
  if (f.scenarioRecords !== 'irreducible') {
    return [[`Scenarios: ${f.planned} planned, ${f.run} run (${f.unchanged} needing no recomputation), ${f.errors} failed, ${f.notConverged} not converged; ${each}.`]];
  }
  const written = f.written === undefined ? 'the irreducible scenarios' : `the ${plural(f.written, 'irreducible scenario')}`;
  return [
    [`Scenarios: ${f.planned} planned, ${each}: ${f.run} simulated (${f.unchanged} needing no recomputation), ${f.derived} derived (shown to add up to what their parts do, without simulation), ${f.skipped} skipped (each holds a unit that cuts a stub site off, and adds nothing to what that unit does alone), ${f.errors} failed, ${f.notConverged} not converged.`],
    [`Written: ${written}, each losing a pair or making one asymmetric that none of its parts does; the others are only counted (--all-scenarios writes every one).`],
  ];
}
