import { isUnchanged, verdictCounts, type RunComparison } from './compare.js';
import { mdCode, mdText } from './escape.js';
import { delta, plural, STATE_MARK, STATE_SHORT } from './labels.js';
import { table } from './markdown-blocks.js';

/** The nightly diff at the top of the Markdown: new trouble first, then what got better. */
export function compareMarkdown(c: RunComparison): string {
  const head = `## Since the previous run (${mdCode(c.previousFile)})\n`;
  if (isUnchanged(c)) return `${head}\nNothing changed: same single points of failure, same baseline verdicts, same ranking.\n`;
  const lines: string[] = [];
  const ids = (xs: string[]): string => xs.map(mdCode).join(', ');
  if (c.verdicts.length) {
    const { worse, better } = verdictCounts(c);
    lines.push(`**Baseline:** ${plural(c.verdicts.length, 'pair')} changed verdict: ${worse} worse, ${better} better (table below).`);
  }
  if (c.spof) {
    lines.push(`**New single points of failure:** ${c.spof.added.length ? c.spof.added.map((s) => `${mdCode(s.unit)} (cuts ${plural(s.pairs, 'pair')})`).join(', ') : 'none'}.`);
    lines.push(`**Resolved single points of failure:** ${c.spof.resolved.length ? c.spof.resolved.map((s) => `${mdCode(s.unit)} (cut ${plural(s.pairs, 'pair')}${s.disabled ? '; now disabled, so those pairs are down from the start' : ''})`).join(', ') : 'none'}.`);
    if (c.spof.changed.length) lines.push(`**Single points of failure that cut a different number of pairs:** ${c.spof.changed.map((s) => `${mdCode(s.unit)} ${delta(s.before, s.after)}`).join(', ')}.`);
  }
  if (c.designFindings.added.length) lines.push(`**New design findings:** ${c.designFindings.added.map((f) => mdText(f.message)).join('; ')}.`);
  if (c.designFindings.resolved.length) lines.push(`**Resolved design findings:** ${c.designFindings.resolved.map((f) => mdText(f.message)).join('; ')}.`);
  if (c.sites.added.length) lines.push(`**New sites:** ${ids(c.sites.added)}.`);
  if (c.sites.removed.length) lines.push(`**Removed sites:** ${ids(c.sites.removed)}.`);
  if (c.units.added.length) lines.push(`**New failure units:** ${ids(c.units.added)}.`);
  if (c.units.removed.length) lines.push(`**Removed failure units:** ${ids(c.units.removed)}.`);
  if (c.units.disabled.length) lines.push(`**Now administratively disabled:** ${ids(c.units.disabled)}.`);
  if (c.units.enabled.length) lines.push(`**Enabled again:** ${ids(c.units.enabled)}.`);
  const parts = [head, lines.map((l) => `- ${l}`).join('\n') + '\n'];
  if (c.verdicts.length) {
    parts.push(`### Baseline verdicts that changed (${c.verdicts.length})\n`);
    parts.push(table(['From', 'To', 'Was', 'Now'], c.verdicts.map((v) => [
      mdCode(v.src), mdCode(v.dst), `${STATE_MARK[v.before]} ${STATE_SHORT[v.before]}`, `${STATE_MARK[v.after]} ${STATE_SHORT[v.after]}`,
    ])));
  }
  const r = c.ranking;
  const counts = (x: { id: string; before: { lost: number; asymmetric: number; rerouted: number }; after: { lost: number; asymmetric: number; rerouted: number } }): string[] =>
    [mdCode(x.id), delta(x.before.lost, x.after.lost), delta(x.before.asymmetric, x.after.asymmetric), delta(x.before.rerouted, x.after.rerouted)];
  if (r.worse.length) parts.push(`### Failures that got worse (${r.worse.length})\n`, table(['Failed', 'Lost', 'Newly asymmetric', 'Rerouted'], r.worse.map(counts)));
  if (r.better.length) parts.push(`### Failures that got better (${r.better.length})\n`, table(['Failed', 'Lost', 'Newly asymmetric', 'Rerouted'], r.better.map(counts)));
  const cut = r.truncated ? ' (a ranking was cut to its top entries: some may only have crossed the cut)' : '';
  if (r.added.length) parts.push(`- **New in the ranking${cut}:** ${r.added.map((e) => `${mdCode(e.id)} (lost ${e.lost})`).join(', ')}.\n`);
  if (r.removed.length) parts.push(`- **Gone from the ranking${cut}:** ${r.removed.map((e) => `${mdCode(e.id)} (lost ${e.lost})`).join(', ')}.\n`);
  return parts.join('\n');
}
