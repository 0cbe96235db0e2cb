import type { ReportView } from '../view/report-view.js';
import { ASYMMETRY_CLASSES, isFlagged } from '../view/asymmetry-class.js';
import { asymmetryWords } from './asymmetry-words.js';
import { availabilityText, downtimeText } from './availability-text.js';
import { allUpWords, targetWords } from './availability-words.js';
import { CLASS_MEANING, plural } from './labels.js';
import type { Card } from './document.js';
import { exposureName } from './resilience-words.js';
import { ids, type Rich } from './rich.js';

/** Design findings and no-effect units named at a glance; the rest wait in their sections. */
const GLANCE_FINDINGS = 5;
const GLANCE_UNITS = 10;

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
export function glance(view: ReportView): Rich[] {
  const lines: Rich[] = [spofLine(view), ...resilienceLines(view)];
  for (const f of view.designFindings.slice(0, GLANCE_FINDINGS)) lines.push([{ strong: `Design (${f.severity}):` }, ` ${f.message}.`]);
  if (view.designFindings.length > GLANCE_FINDINGS) lines.push([{ strong: 'Design:' }, ` ${plural(view.designFindings.length - GLANCE_FINDINGS, 'more finding')} (see Design findings).`]);
  lines.push(baselineLine(view));
  const worst = view.ranking[0];
  if (worst && worst.entry.lost + worst.entry.asymmetric + worst.entry.rerouted > 0) {
    lines.push([{ strong: 'Worst failure:' }, ' ', { id: worst.entry.failed.join(' + ') }, ` ${impact(worst.entry)}.`]);
  }
  if (view.criticalNodes.length) {
    lines.push([{ strong: 'Critical nodes:' }, ` ${plural(view.criticalNodes.length, 'gateway or circuit', 'gateways and circuits')} carry every path of some pair; no failure unit routes around them.`]);
  }
  if (view.noEffect?.length) {
    const more = view.noEffect.length - GLANCE_UNITS;
    lines.push([{ strong: 'No effect:' }, ` ${plural(view.noEffect.length, 'unit')} can fail alone without changing any path: `,
      ...ids(view.noEffect.slice(0, GLANCE_UNITS)), more > 0 ? ` and ${more} more.` : '.']);
  }
  return lines;
}

function spofLine(view: ReportView): Rich {
  const s = view.spof;
  if (!s) return [{ strong: 'Single points of failure: not known' }, ' (the run has no single-failure scenarios; run with --all-single-failures).'];
  if (s.count === 0) return [{ strong: 'No single point of failure' }, ': no single failed unit cuts any pair off.'];
  const isolating = s.isolations.reduce((n, g) => n + g.units.length, 0);
  const kinds = [
    s.shared.length ? `${s.shared.length} cut paths between sites` : '',
    s.oneSite.length ? `${s.oneSite.length} cut one site off from some of its partners` : '',
    isolating ? `${isolating} isolate one site each` : '',
  ].filter(Boolean);
  return [{ strong: plural(s.count, 'single point of failure', 'single points of failure') }, `: ${kinds.join(', ')}; the worst, `,
    { id: s.worst!.unit }, `, cuts ${plural(s.worst!.pairs, 'pair')}.`];
}

/** Pairs by their smallest cut, and the least available pair: what up to K failures at once do to the design. */
function resilienceLines(view: ReportView): Rich[] {
  const r = view.resilience;
  if (!r) return [];
  if (!r.complete) return [[{ strong: 'Resilience: not computed' }, ' (the run was interrupted; cut sets from part of the combinations would mislead).']];
  const sizes = r.sizes.map((s, i) => `${s.pairs.toLocaleString('en-US')}${i === 0 ? ` ${s.pairs === 1 ? 'has' : 'have'}` : ''} a ${exposureName(s.size)}`);
  const uncut = r.uncut ? `${r.uncut.toLocaleString('en-US')} ${r.uncut === 1 ? 'survives' : 'survive'}` : 'none survives';
  const cuts: Rich = [{ strong: 'Resilience:' }, ` of ${plural(r.connectedPairs, 'pair')} of sites connected both ways, ${sizes.length ? `${sizes.join(', ')}; ` : ''}${uncut} every combination of up to ${plural(r.maxCutSize, 'failed unit')}.`];
  const a = r.availability;
  const worst = a.worst[0];
  const target = a.target ? [` Target ${a.target.percent}%: ${targetWords(a.target)}.`] : [];
  if (!worst) return [cuts, [{ strong: 'Availability:' }, ` ${allUpWords(r)}.`, ...target]];
  // Tied as the reader sees them: at the figure shown.
  const shown = availabilityText(worst.unavailability);
  const tied = a.worst.filter((w) => availabilityText(w.unavailability) === shown);
  const ties = tied.reduce((n, w) => n + w.count, 0);
  const pair: Rich = [{ pair: { a: worst.first[0], b: worst.first[1], both: true } }];
  const least: Rich = ties === 1 ? [' the least available pair, ', ...pair, ', is up']
    : [' the least available pairs, ', ...pair, ` and ${tied.length === a.worst.length && a.unlisted > 0 ? 'at least ' : ''}${(ties - 1).toLocaleString('en-US')} more, are up`];
  return [cuts, [{ strong: 'Availability:' }, ...least, ` ${shown} of the time (${downtimeText(worst.unavailability)} down a year).`, ...target]];
}

function baselineLine(view: ReportView): Rich {
  const b = view.baseline;
  const shape = b.asymmetric + b.oneWay === 0
    ? 'every reachable pair is symmetric'
    : `${plural(b.asymmetric, 'asymmetric pair')}${asymmetryWords(view.threshold, b.byClass)}, ${plural(b.oneWay, 'one-way pair')} (see Asymmetric paths)`;
  const tolerated = view.threshold && b.byClass ? belowThreshold(view) : '';
  return [{ strong: 'Baseline:' }, ` ${b.reachable.toLocaleString('en-US')} of ${plural(b.pairs, 'directed pair')} reachable; ${shape}.${tolerated}`];
}

/** Pairs that differ only below the threshold, and why that is fine. */
function belowThreshold(view: ReportView): string {
  const threshold = view.threshold!;
  const byClass = view.baseline.byClass!;
  const below = ASYMMETRY_CLASSES.filter((c) => !isFlagged(c, threshold) && byClass[c] > 0);
  const count = below.reduce((n, c) => n + byClass[c], 0);
  if (count === 0) return '';
  const classes = below.map((c) => `${byClass[c].toLocaleString('en-US')} ${c}: ${CLASS_MEANING[c]}`).join('; ');
  const link = below.includes('link') ? '; ExpressRoute\'s recommended design (both links of a circuit up, the CE preferring one) differs by link by intent' : '';
  return ` ${plural(count, 'more pair')} differ only below the ${threshold} threshold (${classes}), not counted${link}.`;
}

export function cards(view: ReportView): Card[] {
  const b = view.baseline;
  const spofs = view.spof?.count;
  return [
    { value: spofs === undefined ? '?' : String(spofs), label: 'single points of failure', tone: spofs ? 'bad' : spofs === 0 ? 'ok' : 'plain' },
    { value: String(view.designFindings.length), label: 'design findings', tone: view.designFindings.length ? 'bad' : 'ok' },
    { value: `${b.reachable.toLocaleString('en-US')} / ${b.pairs.toLocaleString('en-US')}`, label: 'pairs reachable (baseline)', tone: 'plain' },
    { value: String(b.asymmetric + b.oneWay), label: 'asymmetric or one-way pairs (baseline)', tone: b.asymmetric + b.oneWay ? 'bad' : 'ok' },
    { value: String(view.criticalNodes.length), label: 'critical gateways and circuits', tone: 'plain' },
    ...availabilityCard(view),
  ];
}

/** The least available pair's figure, bad when some pair misses the target. */
function availabilityCard(view: ReportView): Card[] {
  const r = view.resilience;
  if (!r?.complete) return [];
  const worst = r.availability.worst[0];
  return [{ value: worst ? availabilityText(worst.unavailability) : '100%', label: 'least available pair', tone: r.availability.target?.below ? 'bad' : 'plain' }];
}
