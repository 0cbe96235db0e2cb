import type { Issue } from '../model/issue.js';
import type { Topology } from '../model/topology.js';
import { describeLines, describeSource, type ImportNote, type ImportProblem, type NoteKind } from '../sources/findings.js';
import type { InputFile } from '../sources/import/read-inputs.js';
import { formatIssues } from './issues-text.js';

/**
 * What `whatif import` writes to stderr. A failed import: every problem, grouped by file, in the shape of
 * `whatif validate`. A successful one: what was imported, the assumptions, then everything that was not
 * imported, each with its resource id or configuration lines:
 *
 *     whatif import: 6 sites, 10 failure units (9 enabled) from 1 Azure export (27 resources) and 3 router configurations
 *       VNets: branch-vnet, hub-vnet, ...
 *       ...
 *     not mapped (1):
 *       resource-graph.json: references not followed, by field: ...
 */
export function importProblemsText(problems: readonly ImportProblem[]): string {
  const byFile = new Map<string, Issue[]>();
  for (const p of problems) {
    const path = p.at.path ?? describeLines(p.at) ?? '$';
    byFile.set(p.at.file, [...(byFile.get(p.at.file) ?? []), { path, message: p.message, hint: p.hint, severity: 'error' }]);
  }
  return [...byFile].map(([file, issues]) => formatIssues(file, issues)).join('') + 'whatif import: nothing written\n';
}

const SECTIONS: readonly { kinds: readonly NoteKind[]; title: string }[] = [
  { kinds: ['not-mapped'], title: 'not mapped' },
  { kinds: ['not-expressible'], title: 'not expressible in the topology format (what was imported instead)' },
  { kinds: ['changes-routing', 'not-understood'], title: 'configuration lines not imported' },
  { kinds: ['check'], title: 'warnings of the topology check (whatif validate)' },
];

export function importSummaryText(topology: Topology, notes: readonly ImportNote[], files: readonly InputFile[]): string {
  const lines = [headline(topology, files), ...imported(topology)];
  const assumptions = topology.assumptions ?? [];
  lines.push(`  ${count(assumptions.length, 'assumption')}, also in the topology's "assumptions":`, ...assumptions.map((a) => `    - ${a}`));
  for (const section of SECTIONS) {
    const list = notes.filter((n) => section.kinds.includes(n.kind));
    if (list.length === 0) continue;
    lines.push(`${section.title} (${list.length}):`);
    for (const n of list) lines.push(`  ${describeSource(n.at)}: ${n.kind === 'changes-routing' ? 'changes routing: ' : n.kind === 'not-understood' ? 'not understood: ' : ''}${n.message}`);
  }
  lines.push(...ignoredLines(notes), ...skipped(notes));
  return lines.join('\n') + '\n';
}

function headline(t: Topology, files: readonly InputFile[]): string {
  const units = unitIds(t);
  const enabled = units.filter((u) => u.enabled).length;
  const exports = files.filter((f) => f.kind === 'azure');
  const resources = exports.reduce((n, f) => n + (f.kind === 'azure' ? f.resources : 0), 0);
  const configs = files.length - exports.length;
  return `whatif import: ${t.sites.length} sites, ${units.length} failure units (${enabled} enabled) from ` +
    `${count(exports.length, 'Azure export')} (${count(resources, 'resource')}) and ${count(configs, 'router configuration')}`;
}

function imported(t: Topology): string[] {
  const vnets = t.sites.filter((s) => s.kind === 'vnet').map((s) => s.id);
  const onprem = t.sites.flatMap((s) => (s.kind === 'onprem' ? [`${s.id} (${s.routers.map((r) => r.id).join(', ')})`] : []));
  const units = unitIds(t).map((u) => (u.enabled ? u.id : `${u.id} (disabled)`));
  return [`  VNets: ${vnets.join(', ')}`, `  on-premises: ${onprem.join(', ') || 'none'}`, `  failure units: ${units.join(', ')}`];
}

function unitIds(t: Topology): { id: string; enabled: boolean }[] {
  const unit = (kind: string, x: { name: string; enabled?: boolean }) => ({ id: `${kind}:${x.name}`, enabled: x.enabled ?? true });
  return [
    ...(t.peerings ?? []).map((p) => unit('peering', p)),
    ...(t.vpnConnections ?? []).map((v) => unit('vpn', v)),
    ...(t.erCircuits ?? []).flatMap((c) => c.links.map((l) => unit('er-link', l))),
    ...(t.erCircuits ?? []).flatMap((c) => c.connections.map((k) => unit('er-conn', k))),
    ...(t.globalReach ?? []).map((g) => unit('global-reach', g)),
  ];
}

/** Lines without effect on routing, per file as line ranges (notes come in line order): accounted for, briefly. */
function ignoredLines(notes: readonly ImportNote[]): string[] {
  const byFile = new Map<string, [number, number][]>();
  for (const n of notes.filter((x) => x.kind === 'ignored')) {
    const ranges = byFile.get(n.at.file) ?? [];
    const last = ranges.at(-1);
    const [from, to] = [n.at.line ?? 0, n.at.lastLine ?? n.at.line ?? 0];
    if (last && last[1] + 1 === from) last[1] = to;
    else ranges.push([from, to]);
    byFile.set(n.at.file, ranges);
  }
  if (byFile.size === 0) return [];
  const text = (ranges: [number, number][]) => ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
  return ['configuration lines without effect on routing (descriptions, crypto, tunnel transport...), skipped:',
    ...[...byFile].map(([file, ranges]) => `  ${file} lines ${text(ranges)}`)];
}

function skipped(notes: readonly ImportNote[]): string[] {
  const byType = new Map<string, string[]>();
  for (const n of notes.filter((x) => x.kind === 'skipped')) byType.set(n.message, [...(byType.get(n.message) ?? []), describeSource(n.at)]);
  if (byType.size === 0) return [];
  return ['skipped, of types the topology does not use:', ...[...byType].flatMap(([type, where]) => [`  ${type} (${where.length}):`, ...where.map((w) => `    ${w}`)])];
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
