import type { CutSetsView, TargetStatus, TargetView } from '../view/resilience.js';
import { availabilityText, downtimeText, pointsText } from './availability-text.js';
import { brief } from './brief.js';
import type { Block, Column } from './document.js';
import { plural } from './labels.js';
import { ids, joined, type Rich } from './rich.js';
import { pairShapeWords } from './site-words.js';

/** A cut: its units, failing together. */
function cutWords(cut: readonly string[]): Rich {
  return ids(cut, ' + ');
}

/** Cuts, each on its own: `a + b; c`. */
export function cutsWords(cuts: readonly (readonly string[])[]): Rich {
  return joined(cuts.map(cutWords), '; ');
}

/** `8 of 11 pairs below it, 1 undetermined (...), 2 meet it`. */
export function targetWords(t: TargetView): string {
  const pairs = t.below + t.undetermined + t.met;
  return [
    `${t.below.toLocaleString('en-US')} of ${plural(pairs, 'pair')} below it`,
    ...(t.undetermined ? [`${t.undetermined.toLocaleString('en-US')} undetermined`] : []),
    `${t.met.toLocaleString('en-US')} ${t.met === 1 ? 'meets' : 'meet'} it`,
  ].join(', ');
}

/** Rows of the least available pairs the Markdown shows. */
const WORST_ROWS = 10;

const STATUS: Record<TargetStatus, string> = { below: 'below', met: 'meets it', undetermined: 'undetermined' };

/**
 * Availability by pair: the target and how many pairs miss it, the least available pairs with the cuts that
 * weigh most, what stopping at K units leaves out, and the figures it all rests on with their sources.
 */
export function availabilityBlocks(r: CutSetsView): Block[] {
  const { availability: a, maxCutSize } = r;
  const blocks: Block[] = [
    { kind: 'heading', text: ['Availability'] },
    {
      kind: 'paragraph', text: [
        `The share of time each pair of sites is up, from the probability that a unit is down (by kind, below), units failing independently: a pair is down when one of its cuts of up to ${plural(maxCutSize, 'unit')} is wholly down, its cuts combined as if independent (which never understates the time down).`,
        ...(a.target ? [' ', { strong: `Target ${a.target.percent}%:` }, ` ${targetWords(a.target)}.`] : []),
        ...(a.target?.undetermined ? [' An undetermined pair meets the target by its cuts, but failures of more units at once than the run looked at could bring it below: a larger --max-failures tells.'] : []),
      ],
    },
  ];
  if (a.worst.length) {
    const columns: Column[] = [
      { label: 'Pairs', numeric: true }, { label: 'Which' }, { label: 'Availability', numeric: true }, { label: 'Down a year' },
      ...(a.target ? [{ label: 'Target' }] : []), { label: 'Most likely cuts' },
    ];
    blocks.push({
      kind: 'table', id: 'availability-worst', columns,
      rows: a.worst.map((w) => [
        [String(w.count)], pairShapeWords(w.pairs), [availabilityText(w.unavailability)], [downtimeText(w.unavailability)],
        ...(w.target ? [[STATUS[w.target]]] : []), cutsWords(w.likelyCuts),
      ]),
      brief: brief(a.worst.length, 'row', WORST_ROWS),
    });
    if (a.unlisted > 0) blocks.push({ kind: 'paragraph', muted: true, text: [`${plural(a.unlisted, 'more pair')} with cuts, more available, are in the run file's resilience records.`] });
  } else {
    blocks.push({ kind: 'paragraph', text: [`By these figures, ${allUpWords(r)}.`] });
  }
  blocks.push({
    kind: 'paragraph', text: [
      `Failures of more than ${plural(maxCutSize, 'unit')} at once, which this run does not look at, could lower any pair's availability by at most ${pointsText(a.bound)} percentage points (${downtimeText(a.bound)} down a year).`,
    ],
  });
  blocks.push({
    kind: 'table', id: 'availability-figures',
    columns: [{ label: 'Kind of unit' }, { label: 'Down (probability)', numeric: true }, { label: 'Up' }, { label: 'Source' }],
    rows: a.kinds.map((k) => [[{ id: k.kind }], [String(k.value)], [availabilityText(k.value), ...(k.value === 0 ? [' (counted as never down)'] : [])], sourceWords(k.link, k.source)]),
  });
  if (a.units.length) {
    blocks.push({ kind: 'paragraph', text: ['Units given their own figure: ', ...joined(a.units.map((u): Rich => [{ id: u.unit }, ` ${u.value}`])), '.'] });
  }
  return blocks;
}

/** When no pair has a figure above 0: each is down only when more than K units are. */
export function allUpWords(r: CutSetsView): string {
  const why = r.sizes.length ? ', each holding a unit counted as never down' : '';
  return `every pair is up at least ${availabilityText(r.availability.bound)} of the time: no cut of up to ${plural(r.maxCutSize, 'unit')} can take one down${why}`;
}

function sourceWords(link: string | undefined, source: string): Rich {
  if (link) return [{ link, text: link }];
  if (source === 'command line') return ['set on the command line (--unavailability)'];
  if (source === 'topology') return ['set in the topology file'];
  return [source];
}
