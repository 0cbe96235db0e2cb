import { plural } from './labels.js';
import type { ReportView } from './view.js';

/** A line of text with ids and emphasis marked, so each format can escape and style them its own way. */
export type Rich = (string | { id: string } | { strong: string })[];

/** "loses 10 pairs, reroutes 4 pairs": the non-zero parts of a ranking entry. */
export function impact(e: { lost: number; asymmetric: number; rerouted: number }): string {
  const parts = [
    e.lost ? `loses ${plural(e.lost, 'pair')}` : '',
    e.asymmetric ? `makes ${plural(e.asymmetric, 'pair')} asymmetric` : '',
    e.rerouted ? `reroutes ${plural(e.rerouted, 'pair')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'changes nothing';
}

/** The "at a glance" lines, most urgent first: what breaks, what the design lacks, how the baseline looks. */
export function headlines(view: ReportView): Rich[] {
  const lines: Rich[] = [];
  if (!view.spof) {
    lines.push([{ strong: 'Single points of failure: not known' }, ' (the run has no single-failure scenarios; run with --all-single-failures).']);
  } else if (view.spof.length === 0) {
    lines.push([{ strong: 'No single point of failure' }, ': no single failed unit cuts any pair off.']);
  } else {
    const worst = view.spof.reduce((w, s) => (s.pairs > w.pairs ? s : w));
    lines.push([{ strong: plural(view.spof.length, 'single point of failure', 'single points of failure') }, ': one failed unit cuts pairs off; the worst, ', { id: worst.unit }, `, cuts ${plural(worst.pairs, 'pair')}.`]);
  }
  for (const f of view.designFindings) lines.push([{ strong: 'Design:' }, ` ${f.message}.`]);
  const b = view.baseline;
  const shape = b.asymmetric + b.oneWay === 0 ? 'every reachable pair is symmetric' : `${plural(b.asymmetric, 'asymmetric pair')}, ${plural(b.oneWay, 'one-way pair')} (see Asymmetric paths)`;
  lines.push([{ strong: 'Baseline:' }, ` ${b.reachable.toLocaleString('en-US')} of ${plural(b.pairs, 'directed pair')} reachable; ${shape}.`]);
  const worst = view.ranking[0];
  if (worst && worst.entry.lost + worst.entry.asymmetric + worst.entry.rerouted > 0) {
    lines.push([{ strong: 'Worst failure:' }, ' ', { id: worst.entry.failed.join(' + ') }, ` ${impact(worst.entry)}.`]);
  }
  if (view.criticalNodes.length) {
    lines.push([{ strong: 'Critical nodes:' }, ` ${plural(view.criticalNodes.length, 'gateway or circuit', 'gateways and circuits')} carry every path of some pair; no failure unit routes around them.`]);
  }
  if (view.noEffect.length) {
    lines.push([{ strong: 'No effect:' }, ` ${plural(view.noEffect.length, 'unit')} can fail alone without changing any path: `, ...view.noEffect.flatMap((u, i) => (i ? [', ', { id: u }] : [{ id: u }])), '.']);
  }
  return lines;
}
