import { isUnchanged, verdictCounts, type RunComparison } from '../view/compare.js';
import { brief } from './brief.js';
import type { Block, Column, Section } from './document.js';
import { delta, plural } from './labels.js';
import { ids, joined, type Rich } from './rich.js';

type Counts = { lost: number; asymmetric: number; rerouted: number };

/** Verdicts listed even on the page: a topology change in an estate can flip hundreds of thousands of pairs. */
const VERDICTS_LISTED = 500;

/** The nightly diff, at the top of the review: new trouble first, then what got better. */
export function compareSection(c: RunComparison): Section {
  const intro: Rich = ['Compared with ', { id: c.previousFile }, '.'];
  const base = { id: 'compare', title: 'Since the previous run', intro };
  if (isUnchanged(c)) return { ...base, blocks: [{ kind: 'paragraph', text: ['Nothing changed: same single points of failure, same baseline verdicts, same ranking.'] }] };
  const items: Rich[] = [];
  const item = (label: string, text: Rich): void => { items.push([{ strong: `${label}:` }, ' ', ...text, '.']); };
  if (c.verdicts.length) {
    const { worse, better } = verdictCounts(c);
    item('Baseline', [`${plural(c.verdicts.length, 'pair')} changed verdict: ${worse} worse, ${better} better (table below)`]);
  }
  if (c.spof) {
    item('New single points of failure', c.spof.added.length ? joined(c.spof.added.map((s) => [{ id: s.unit }, ` (cuts ${plural(s.pairs, 'pair')})`])) : ['none']);
    item('Resolved single points of failure', c.spof.resolved.length
      ? joined(c.spof.resolved.map((s) => [{ id: s.unit }, ` (cut ${plural(s.pairs, 'pair')}${s.disabled ? '; now disabled, so those pairs are down from the start' : ''})`]))
      : ['none']);
    if (c.spof.changed.length) item('Single points of failure that cut a different number of pairs', joined(c.spof.changed.map((s) => [{ id: s.unit }, ` ${delta(s.before, s.after)}`])));
  }
  if (c.designFindings.added.length) item('New design findings', [c.designFindings.added.map((f) => f.message).join('; ')]);
  if (c.designFindings.resolved.length) item('Resolved design findings', [c.designFindings.resolved.map((f) => f.message).join('; ')]);
  const lists: [string, string[]][] = [
    ['New sites', c.sites.added], ['Removed sites', c.sites.removed], ['New failure units', c.units.added], ['Removed failure units', c.units.removed],
    ['Now administratively disabled', c.units.disabled], ['Enabled again', c.units.enabled],
  ];
  for (const [label, list] of lists) if (list.length) item(label, ids(list));
  const blocks: Block[] = [{ kind: 'list', items }];
  if (c.verdicts.length) {
    const listed = c.verdicts.slice(0, VERDICTS_LISTED);
    blocks.push({ kind: 'heading', text: [`Baseline verdicts that changed (${c.verdicts.length})`] }, {
      kind: 'table', id: 'compare-verdicts',
      columns: [{ label: 'From' }, { label: 'To' }, { label: 'Was' }, { label: 'Now' }],
      rows: listed.map((v) => [[{ id: v.src }], [{ id: v.dst }], [{ state: v.before }], [{ state: v.after }]]),
      brief: brief(listed.length, 'pair'),
    });
    if (c.verdicts.length > listed.length) {
      blocks.push({ kind: 'paragraph', only: 'html', muted: true, text: [`${plural(c.verdicts.length - listed.length, 'more pair')} changed verdict; the run files have them all.`] });
    }
  }
  const r = c.ranking;
  const columns: Column[] = [{ label: 'Failed' }, { label: 'Lost', numeric: true }, { label: 'Newly asymmetric', numeric: true }, { label: 'Rerouted', numeric: true }];
  const counts = (x: { id: string; before: Counts; after: Counts }): Rich[] =>
    [[{ id: x.id }], [delta(x.before.lost, x.after.lost)], [delta(x.before.asymmetric, x.after.asymmetric)], [delta(x.before.rerouted, x.after.rerouted)]];
  if (r.worse.length) blocks.push({ kind: 'heading', text: [`Failures that got worse (${r.worse.length})`] }, { kind: 'table', id: 'compare-worse', columns, rows: r.worse.map(counts), brief: brief(r.worse.length, 'scenario') });
  if (r.better.length) blocks.push({ kind: 'heading', text: [`Failures that got better (${r.better.length})`] }, { kind: 'table', id: 'compare-better', columns, rows: r.better.map(counts), brief: brief(r.better.length, 'scenario') });
  const cut = r.truncated ? ' (a ranking was cut to its top entries: some may only have crossed the cut)' : '';
  const entries = (xs: typeof r.added): Rich => joined(xs.map((e) => [{ id: e.id }, ` (lost ${e.lost})`]));
  const moved: Rich[] = [];
  if (r.added.length) moved.push([{ strong: `New in the ranking${cut}:` }, ' ', ...entries(r.added), '.']);
  if (r.removed.length) moved.push([{ strong: `Gone from the ranking${cut}:` }, ' ', ...entries(r.removed), '.']);
  if (moved.length) blocks.push({ kind: 'list', items: moved });
  return { ...base, blocks };
}
