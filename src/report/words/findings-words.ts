import type { ReportView } from '../view/report-view.js';
import type { Block, Section } from './document.js';
import { nodeKind } from './labels.js';
import { ids, type Rich } from './rich.js';
import { pairShapeWords } from './site-words.js';

/** What the topology shows by itself, the nodes no unit routes around, and the units that change nothing. */
export function findingsSection(view: ReportView): Section {
  const blocks: Block[] = [];
  blocks.push(view.designFindings.length
    ? { kind: 'list', items: view.designFindings.map((f): Rich => [
      { severity: f.severity }, ' ', { id: f.id }, ' (', ...ids(f.objects), `): ${f.message}.`,
      ...(f.source ? [' Source: ', { link: f.source, text: f.source }, '.'] : []),
    ]) }
    : { kind: 'paragraph', text: ['The topology shows no design finding by itself.'], muted: true });
  if (view.criticalNodes.length) {
    blocks.push(
      { kind: 'heading', text: ['Critical nodes'] },
      { kind: 'paragraph', text: ['Every path of these pairs crosses the node; the failure units cannot route around it.'] },
      {
        kind: 'table', id: 'critical-nodes',
        columns: [{ label: 'Node' }, { label: 'Kind' }, { label: 'Pairs', numeric: true }, { label: 'Which' }],
        rows: view.criticalNodes.map((c) => [[{ id: c.node }], [nodeKind(c.kind)], [String(c.pairs)],
          [...pairShapeWords(c.listed), ...(c.listedCount < c.pairs ? [` (the first ${c.listedCount} listed)`] : [])]]),
      },
    );
  }
  blocks.push({ kind: 'heading', text: ['Failures that change nothing'] });
  blocks.push(view.noEffect?.length
    ? { kind: 'paragraph', text: [...ids(view.noEffect), ': no pair is lost, gained, rerouted or made asymmetric when it fails alone (redundant, or carrying no best path).'] }
    : { kind: 'paragraph', text: [noEffectUnknown(view) ?? 'None: every enabled unit carries traffic.'], muted: true });
  return { id: 'findings', title: 'Design findings', blocks };
}

/** Why the run cannot tell which units change nothing, if it cannot. */
function noEffectUnknown(view: ReportView): string | undefined {
  if (view.noEffect) return undefined;
  if (!view.spof) return 'Not known: the run has no single-failure scenarios.';
  return 'Not known: this run writes only irreducible scenarios, and a unit whose failure only reroutes is counted, not written (--all-single-failures lists them all).';
}
