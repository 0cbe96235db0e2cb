import type { ReportView } from '../view/report-view.js';
import type { CutSetsView, CutSizeView } from '../view/resilience.js';
import { availabilityBlocks, cutsWords } from './availability-words.js';
import { brief } from './brief.js';
import type { Block, Section } from './document.js';
import { plural } from './labels.js';
import type { Rich } from './rich.js';
import { pairShapeWords } from './site-words.js';

/** Cuts named in a row; a pair of on-premises data centres with four circuit connections each has sixteen. */
const CUTS_SHOWN = 8;

/** `single point of failure`, `dual-failure exposure`, `triple-failure exposure`, `4-failure exposure`; or their plurals. */
export function exposureName(size: number, many = false): string {
  if (size === 1) return many ? 'single points of failure' : 'single point of failure';
  return `${size === 2 ? 'dual' : size === 3 ? 'triple' : size}-failure exposure${many ? 's' : ''}`;
}

/**
 * Pairs of sites by how few units cut them, then their availability: what a run of up to K failures says
 * about the design as a whole, at the top of the review.
 */
export function resilienceSection(view: ReportView): Section | undefined {
  const r = view.resilience;
  if (!r) return undefined;
  const base = { id: 'resilience', title: 'Resilience' };
  if (!r.complete) {
    return { ...base, blocks: [{ kind: 'paragraph', text: [`Not computed: the run was interrupted before it had looked at every combination of up to ${plural(r.maxCutSize, 'unit')}, and cut sets from part of them would mislead.`] }] };
  }
  return {
    ...base,
    intro: [`How few failure units, failing together, cut each pair of sites (one way or both), from every combination of up to ${plural(r.maxCutSize, 'unit')}: ${plural(r.connectedPairs, 'pair')} of sites reach each other both ways in the baseline.`],
    blocks: [
      { kind: 'list', items: [...r.sizes.map(sizeItem), uncutItem(r)] },
      ...r.sizes.flatMap(sizeBlocks),
      ...availabilityBlocks(r),
    ],
  };
}

function sizeItem(s: CutSizeView): Rich {
  const what = s.size === 1
    ? `one unit failing alone cuts each${s.groups ? '' : ' (by unit under Single points of failure)'}`
    : `each survives any ${s.size === 2 ? 'single failure' : `${s.size - 1} failures at once`}, but some set of ${s.size} units failing together cuts it`;
  return [{ strong: plural(s.pairs, 'pair') }, ` with a ${exposureName(s.size)}: ${what}.`];
}

function uncutItem(r: CutSetsView): Rich {
  const pairs: Rich = r.uncut ? [{ strong: plural(r.uncut, 'pair') }, ` survive${r.uncut === 1 ? 's' : ''}`] : [{ strong: 'No pair' }, ' survives'];
  return [...pairs, ` every combination of up to ${plural(r.maxCutSize, 'failed unit')}.`];
}

function sizeBlocks(s: CutSizeView): Block[] {
  if (!s.groups) return [];
  const name = exposureName(s.size, true);
  const blocks: Block[] = [
    { kind: 'heading', text: [`${name[0]!.toUpperCase()}${name.slice(1)} (${plural(s.pairs, 'pair')})`] },
    {
      kind: 'paragraph', text: [s.size === 1
        ? 'Pairs, and the units each of which cuts every one of them when it fails alone.'
        : 'Pairs, and the sets of units each of which cuts every one of them when its units fail together.'],
    },
    {
      kind: 'table', id: `cuts-${s.size}`,
      columns: [{ label: 'Pairs', numeric: true }, { label: 'Which' }, { label: 'Cut by' }],
      rows: s.groups.map((g) => [[String(g.count)], pairShapeWords(g.pairs), [
        ...cutsWords(g.cuts.slice(0, CUTS_SHOWN)), ...(g.cuts.length > CUTS_SHOWN ? [`; ${plural(g.cuts.length - CUTS_SHOWN, 'more set')}`] : []),
      ]]),
      brief: brief(s.groups.length, 'row'),
    },
  ];
  if (s.listed < s.pairs) {
    blocks.push({ kind: 'paragraph', muted: true, text: [`The first ${s.listed.toLocaleString('en-US')} of these pairs are grouped here; the run file's resilience records have them all.`] });
  }
  return blocks;
}
