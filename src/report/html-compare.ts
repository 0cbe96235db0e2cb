import { isUnchanged, verdictCounts, type RunComparison } from './compare.js';
import { code, esc, section, sortableTable } from './html-blocks.js';
import { delta, plural, STATE_MARK, STATE_SHORT } from './labels.js';

/** The nightly diff at the top of the page, in the Markdown's order. */
export function compareHtml(c: RunComparison): string {
  const title = 'Since the previous run';
  const intro = `Compared with ${code(c.previousFile)}.`;
  if (isUnchanged(c)) return section('compare', title, '<p>Nothing changed: same single points of failure, same baseline verdicts, same ranking.</p>', intro);
  const items: string[] = [];
  const ids = (xs: string[]): string => xs.map(code).join(' ');
  if (c.verdicts.length) {
    const { worse, better } = verdictCounts(c);
    items.push(`<strong>Baseline:</strong> ${esc(plural(c.verdicts.length, 'pair'))} changed verdict: ${worse} worse, ${better} better (table below).`);
  }
  if (c.spof) {
    items.push(`<strong>New single points of failure:</strong> ${c.spof.added.length ? c.spof.added.map((s) => `${code(s.unit)} (cuts ${plural(s.pairs, 'pair')})`).join(', ') : 'none'}.`);
    items.push(`<strong>Resolved single points of failure:</strong> ${c.spof.resolved.length ? c.spof.resolved.map((s) => `${code(s.unit)} (cut ${plural(s.pairs, 'pair')}${s.disabled ? '; now disabled, so those pairs are down from the start' : ''})`).join(', ') : 'none'}.`);
    if (c.spof.changed.length) items.push(`<strong>Single points of failure that cut a different number of pairs:</strong> ${c.spof.changed.map((s) => `${code(s.unit)} ${esc(delta(s.before, s.after))}`).join(', ')}.`);
  }
  if (c.designFindings.added.length) items.push(`<strong>New design findings:</strong> ${c.designFindings.added.map((f) => esc(f.message)).join('; ')}.`);
  if (c.designFindings.resolved.length) items.push(`<strong>Resolved design findings:</strong> ${c.designFindings.resolved.map((f) => esc(f.message)).join('; ')}.`);
  if (c.sites.added.length) items.push(`<strong>New sites:</strong> ${ids(c.sites.added)}.`);
  if (c.sites.removed.length) items.push(`<strong>Removed sites:</strong> ${ids(c.sites.removed)}.`);
  if (c.units.added.length) items.push(`<strong>New failure units:</strong> ${ids(c.units.added)}.`);
  if (c.units.removed.length) items.push(`<strong>Removed failure units:</strong> ${ids(c.units.removed)}.`);
  if (c.units.disabled.length) items.push(`<strong>Now administratively disabled:</strong> ${ids(c.units.disabled)}.`);
  if (c.units.enabled.length) items.push(`<strong>Enabled again:</strong> ${ids(c.units.enabled)}.`);
  const parts = [`<ul class="change-list">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`];
  if (c.verdicts.length) {
    const verdict = (s: keyof typeof STATE_MARK): string => `<span class="swatch ${s}">${STATE_MARK[s]}</span> ${esc(STATE_SHORT[s])}`;
    parts.push(`<h3>Baseline verdicts that changed (${c.verdicts.length})</h3>`, sortableTable(
      [{ label: 'From' }, { label: 'To' }, { label: 'Was' }, { label: 'Now' }],
      c.verdicts.map((v) => [code(v.src), code(v.dst), verdict(v.before), verdict(v.after)]),
      { id: 'compare-verdicts' },
    ));
  }
  const r = c.ranking;
  const columns = [{ label: 'Failed' }, { label: 'Lost', numeric: true }, { label: 'Newly asymmetric', numeric: true }, { label: 'Rerouted', numeric: true }];
  const counts = (x: (typeof r.worse)[number]): string[] =>
    [code(x.id), esc(delta(x.before.lost, x.after.lost)), esc(delta(x.before.asymmetric, x.after.asymmetric)), esc(delta(x.before.rerouted, x.after.rerouted))];
  if (r.worse.length) parts.push(`<h3>Failures that got worse (${r.worse.length})</h3>`, sortableTable(columns, r.worse.map(counts), { id: 'compare-worse' }));
  if (r.better.length) parts.push(`<h3>Failures that got better (${r.better.length})</h3>`, sortableTable(columns, r.better.map(counts), { id: 'compare-better' }));
  const cut = r.truncated ? ' (a ranking was cut to its top entries: some may only have crossed the cut)' : '';
  const entries = (xs: typeof r.added): string => xs.map((e) => `${code(e.id)} (lost ${e.lost})`).join(', ');
  if (r.added.length || r.removed.length) {
    parts.push('<ul class="change-list">'
      + (r.added.length ? `<li><strong>New in the ranking${cut}:</strong> ${entries(r.added)}.</li>` : '')
      + (r.removed.length ? `<li><strong>Gone from the ranking${cut}:</strong> ${entries(r.removed)}.</li>` : '')
      + '</ul>');
  }
  return section('compare', title, parts.join(''), intro);
}
