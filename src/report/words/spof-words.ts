import type { ReportView } from '../view/report-view.js';
import type { SpofView } from '../view/spof.js';
import { brief } from './brief.js';
import type { Block, Section } from './document.js';
import { plural } from './labels.js';
import { joined, type Rich } from './rich.js';
import { groupWords, siteSetWords } from './site-words.js';

/**
 * Single points of failure by what they cut, the shared paths first: those are what an estate review is
 * for; a spoke's own peering isolating that spoke is expected and listed compactly, many to a row.
 */
export function spofSection(view: ReportView): Section | undefined {
  const s = view.spof;
  if (!s) return undefined;
  const title = 'Single points of failure';
  if (s.count === 0) return { id: 'spof', title, blocks: [{ kind: 'paragraph', text: ['None: every pair survives any one failure.'] }] };
  return {
    id: 'spof', title, intro: ['Units that, failing alone, cut pairs off, by what they cut.'],
    blocks: [...shared(s), ...oneSite(s), ...isolations(view, s)],
  };
}

function shared(s: SpofView): Block[] {
  if (!s.shared.length) return [];
  return [
    { kind: 'heading', text: [`Cut paths between sites (${s.shared.length})`] },
    { kind: 'paragraph', text: ['Each of these units carries the only path between the sites on one side and the sites on the other: the findings that cut shared paths.'] },
    {
      kind: 'table', id: 'spof-shared',
      columns: [{ label: 'Failed unit' }, { label: 'Pairs cut', numeric: true }, { label: 'Sites on one side' }, { label: 'Sites on the other side' }],
      rows: s.shared.map((c) => [[{ id: c.unit }], [String(c.pairs)], c.sides ? siteSetWords(c.sides[0]) : ['among ', ...siteSetWords(c.among!)], c.sides ? siteSetWords(c.sides[1]) : ['-']]),
      brief: brief(s.shared.length, 'unit'),
    },
  ];
}

function oneSite(s: SpofView): Block[] {
  if (!s.oneSite.length) return [];
  return [
    { kind: 'heading', text: [`Cut one site off from some of its partners (${s.oneSite.length})`] },
    {
      kind: 'table', id: 'spof-one-site',
      columns: [{ label: 'Failed unit' }, { label: 'Site' }, { label: 'Pairs cut', numeric: true }, { label: 'Cut off from' }],
      rows: s.oneSite.map((c) => [[{ id: c.unit }], [{ id: c.site }], [String(c.pairs)],
        [...siteSetWords(c.partners), ` (${c.partners.count} of its ${plural(c.partnersBefore, 'partner')})`]]),
      brief: brief(s.oneSite.length, 'unit'),
    },
  ];
}

function isolations(view: ReportView, s: SpofView): Block[] {
  const count = s.isolations.reduce((n, g) => n + g.units.length, 0);
  if (!count) return [];
  const each = (g: SpofView['isolations'][number]): Rich => joined(g.units.map((i) => [{ id: i.site }, ' by ', { id: i.unit }]), '; ');
  const heading: Block = { kind: 'heading', text: [`Isolate one site (${count})`] };
  const why: Block = { kind: 'paragraph', text: ['Each cuts one site off from every site it reached, and nothing else: a spoke\'s own peering, a branch\'s only tunnel.'] };
  if (!view.groups.fromDetails) return [heading, why, { kind: 'paragraph', text: each(s.isolations[0]!) }];
  return [heading, why, {
    kind: 'table', id: 'spof-isolated',
    columns: [{ label: 'Group' }, { label: 'Units', numeric: true }, { label: 'Isolated site, by unit' }],
    rows: s.isolations.map((g) => [[...groupWords(g.group!), ` (${plural(g.group!.sites.length, 'site')})`], [String(g.units.length)], each(g)]),
  }];
}

